import Crypto
import Foundation

/// Salted hashes of an erased customer's identifiers, kept so that re-importing an old export cannot
/// bring them back (as e-mail platforms keep suppression lists).
///
/// Only the hash is kept: the list proves "this identifier was erased" when the identifier is presented
/// again, and tells nothing to someone who reads it. The salt is per store.
public struct Suppression: Sendable {
    public let salt: String

    public init(salt: String) { self.salt = salt }

    /// SHA-256 of salt, kind and the normalised identifier, hex-encoded.
    public func hash(_ kind: String, _ identifier: String) -> String {
        let normalised = identifier.trimmingCharacters(in: .whitespaces).lowercased()
        let digest = SHA256.hash(data: Data("\(salt)|\(kind)|\(normalised)".utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// The hashes that identify one customer: their id, and their e-mail when known.
    public func hashes(customerID: CustomerID, email: String?) -> [String] {
        var result = [hash("id", customerID)]
        if let email, !email.isEmpty { result.append(hash("email", email)) }
        return result
    }
}

/// What `forget` removed.
public struct ErasureReport: Sendable, Codable, Hashable {
    /// The customer's id, when they were found (the caller may have named them by e-mail).
    public var customerID: CustomerID?
    public var customerFound: Bool
    public var ordersRemoved: Int
    public var linesRemoved: Int
    public var eventsRemoved: Int
    public var suppressionHashesAdded: Int
}
