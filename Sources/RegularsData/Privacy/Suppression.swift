import Crypto
import Foundation

/// Keyed hashes of an erased customer's identifiers, kept so that re-importing an old export cannot bring them
/// back (as e-mail platforms keep suppression lists).
///
/// Only the hash is kept: the list proves "this identifier was erased" when the identifier is presented again,
/// and tells nothing to someone who reads it. The hash is HMAC-SHA256 under a per-store secret: a plain or
/// salted fast hash of an e-mail is reversed by hashing a list of e-mails, a keyed one is not without the key.
public struct Suppression: Sendable {
    /// The per-store secret (the store setting `suppressionSalt`, named so by its first version).
    public let secret: String

    public init(secret: String) { self.secret = secret }

    /// HMAC-SHA256 of kind and the normalised identifier under the store's secret, hex-encoded.
    public func hash(_ kind: String, _ identifier: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(kind)|\(Self.normalised(identifier))".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Hex.encode(Array(mac))
    }

    /// The first version's hash, SHA-256 of secret, kind and identifier: still recognised, so that a customer
    /// erased by an older version stays erased; never written any more.
    func legacyHash(_ kind: String, _ identifier: String) -> String {
        Hex.encode(Array(SHA256.hash(data: Data("\(secret)|\(kind)|\(Self.normalised(identifier))".utf8))))
    }

    /// The hashes written for one customer: their id, and their e-mail when known.
    public func hashes(customerID: CustomerID, email: String?) -> [String] {
        var result = [hash("id", customerID)]
        if let email, !email.isEmpty { result.append(hash("email", email)) }
        return result
    }

    /// The hashes that find one customer on the list: today's and the first version's.
    public func lookupHashes(customerID: CustomerID, email: String?) -> [String] {
        var result = hashes(customerID: customerID, email: email) + [legacyHash("id", customerID)]
        if let email, !email.isEmpty { result.append(legacyHash("email", email)) }
        return result
    }

    /// What an erasure puts on the list: each record's id, and for each e-mail its hash and the hash of the id a
    /// guest with that e-mail is given (`StableID`), so that neither comes back by a later import. Both stores call it.
    public func erasureHashes(ids: [CustomerID], emails: Set<String>) -> [String] {
        var result = ids.map { hash("id", $0) }
        for email in emails.sorted() {
            result += [hash("email", email), hash("id", StableID.customer(email: email))]
        }
        return result
    }

    /// The e-mails an erasure of `requested` (an id or an e-mail) reaches: every found record's own, lower-cased,
    /// and the requested one when it is an e-mail.
    public static func erasedEmails(requested: String, found: [String?]) -> Set<String> {
        var emails = Set(found.compactMap { $0 }.filter { !$0.isEmpty }.map { $0.lowercased() })
        if requested.contains("@") { emails.insert(requested.lowercased()) }
        return emails
    }

    static func normalised(_ identifier: String) -> String {
        identifier.trimmingCharacters(in: .whitespaces).lowercased()
    }

}

/// What `forget` removed. Encoded without the ids, which are for the caller's own use (the server stops
/// personalizing for them): a receipt that is printed or kept must not name the customer.
public struct ErasureReport: Sendable, Encodable, Hashable {
    public var customerFound: Bool
    /// Every customer record erased: one id, or several records that shared the e-mail named.
    public var customerIDs: [CustomerID] = []
    public var ordersRemoved: Int
    public var linesRemoved: Int
    public var eventsRemoved: Int
    public var suppressionHashesAdded: Int

    public init(
        customerFound: Bool, customerIDs: [CustomerID], ordersRemoved: Int, linesRemoved: Int, eventsRemoved: Int,
        suppressionHashesAdded: Int
    ) {
        self.customerFound = customerFound
        self.customerIDs = customerIDs
        self.ordersRemoved = ordersRemoved
        self.linesRemoved = linesRemoved
        self.eventsRemoved = eventsRemoved
        self.suppressionHashesAdded = suppressionHashesAdded
    }

    enum CodingKeys: String, CodingKey {
        case customerFound, ordersRemoved, linesRemoved, eventsRemoved, suppressionHashesAdded
    }
}
