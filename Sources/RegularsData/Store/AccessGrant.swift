import Foundation

/// A dashboard session, or a one-time sign-in link, as the store keeps it: by the SHA-256 of its token, never the
/// token, so that every server on the store knows it and a copy of the store opens nothing.
public struct AccessGrant: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case session
        case link
    }

    /// SHA-256 of the token, hex.
    public var tokenHash: String
    public var kind: Kind
    /// Seconds since 1970.
    public var expiresAt: Int64
    /// SHA-256 of the secret key that opened it, if one did: it ends when that key is revoked.
    public var keyHash: [UInt8]?

    public init(tokenHash: String, kind: Kind, expiresAt: Int64, keyHash: [UInt8]?) {
        self.tokenHash = tokenHash
        self.kind = kind
        self.expiresAt = expiresAt
        self.keyHash = keyHash
    }
}
