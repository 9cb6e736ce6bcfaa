import Foundation
import RegularsData

/// A new API key: `rk_pub_…` or `rk_sec_…` followed by 32 random bytes in base64url (43 characters).
///
/// Shown once, when created; the store keeps only `APIKeyRecord.digest(of:)`.
public struct APIKey: Sendable {
    public let scope: APIKeyScope
    /// The key as the client sends it in `Authorization: Bearer …`.
    public let secret: String

    /// A fresh key from the system's cryptographic random source.
    public static func generate(scope: APIKeyScope) -> APIKey {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return APIKey(scope: scope, secret: prefix(for: scope) + base64URL(bytes))
    }

    /// The record the store keeps for this key.
    public func record(name: String, createdAt: Date) -> APIKeyRecord {
        APIKeyRecord(name: name, scope: scope, hash: APIKeyRecord.digest(of: secret), createdAt: createdAt)
    }

    static func prefix(for scope: APIKeyScope) -> String {
        switch scope {
        case .public: "rk_pub_"
        case .secret: "rk_sec_"
        }
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
