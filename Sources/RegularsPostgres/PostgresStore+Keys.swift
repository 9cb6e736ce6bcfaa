import Foundation
import PostgresNIO
import RegularsData

extension PostgresStore {
    public func add(key: APIKeyRecord) throws {
        let added = try transaction { session in
            try session.execute(
                """
                INSERT INTO apiKey (name, scope, hash, createdAt) VALUES ($1, $2, $3, $4)
                ON CONFLICT (name) DO NOTHING
                """,
                [key.name, key.scope.rawValue, Data(key.hash), Int64(key.createdAt.timeIntervalSince1970)])
        }
        if added == 0 { throw KeyNameTakenError(name: key.name) }
    }

    public func keys() throws -> [APIKeyRecord] {
        try read { session in
            try session.query("SELECT name, scope, hash, createdAt FROM apiKey ORDER BY createdAt, name").rows
                .compactMap { row -> APIKeyRecord? in
                    let (name, scope, hash, created) = try row.decode((String, String, ByteBuffer, Int64).self)
                    guard let scope = APIKeyScope(rawValue: scope) else { return nil }
                    return APIKeyRecord(
                        name: name, scope: scope, hash: Array(hash.readableBytesView),
                        createdAt: Date(timeIntervalSince1970: TimeInterval(created)))
                }
        }
    }

    public func revokeKey(named name: String) throws -> Bool {
        try transaction { try $0.execute("DELETE FROM apiKey WHERE name = $1", [name]) } > 0
    }

    /// Made by whichever process asks first; a second one racing it keeps the first's (`DO NOTHING`, then read).
    public func customerTokenKey() throws -> [UInt8] {
        try transaction { session in
            try session.execute(
                "INSERT INTO storeSetting (name, value) VALUES ('customerTokenKey', $1) ON CONFLICT (name) DO NOTHING",
                [Data(Self.randomKey()).base64EncodedString()])
            guard
                let text = try session.value(
                    String.self, "SELECT value FROM storeSetting WHERE name = 'customerTokenKey'"),
                let key = Data(base64Encoded: text), key.count == 32
            else {
                throw StoreError(code: .corrupt, message: "the store's customer token key is not 32 bytes of base64")
            }
            return Array(key)
        }
    }

    public func rotateCustomerTokenKey() throws {
        try set(setting: "customerTokenKey", to: Data(Self.randomKey()).base64EncodedString())
    }

    private static func randomKey() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    public func setting(named name: String) throws -> String? {
        try read { try $0.value(String.self, "SELECT value FROM storeSetting WHERE name = $1", [name]) }
    }

    public func set(setting name: String, to value: String?) throws {
        _ = try transaction { session in
            if let value {
                try session.execute(
                    """
                    INSERT INTO storeSetting (name, value) VALUES ($1, $2)
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value
                    """, [name, value])
            } else {
                try session.execute("DELETE FROM storeSetting WHERE name = $1", [name])
            }
        }
    }

    public func productHandles() throws -> [SKU: String] {
        try read { session in
            var handles: [SKU: String] = [:]
            for row in try session.query("SELECT sku, handle FROM product WHERE handle IS NOT NULL").rows {
                let (sku, handle) = try row.decode((String, String).self)
                handles[sku] = handle
            }
            return handles
        }
    }
}
