import Crypto
import Foundation
import GRDB

/// What an API key may do: `public` keys sit in browsers (recommendations, events); `secret` keys do everything.
public enum APIKeyScope: String, Sendable, Hashable, Codable, CaseIterable {
    case `public`
    case secret
}

/// A stored API key: its name, scope and SHA-256 hash. The key itself is never stored.
public struct APIKeyRecord: Sendable, Hashable, Codable {
    public var name: String
    public var scope: APIKeyScope
    /// SHA-256 of the key's UTF-8 text, 32 bytes.
    public var hash: [UInt8]
    public var createdAt: Date

    public init(name: String, scope: APIKeyScope, hash: [UInt8], createdAt: Date) {
        self.name = name
        self.scope = scope
        self.hash = hash
        self.createdAt = createdAt
    }

    /// SHA-256 of a key as presented, the form the store keeps and compares.
    public static func digest(of key: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(key.utf8)))
    }
}

/// `add(key:)` was given a name another key has.
public struct KeyNameTakenError: Error, Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public init(name: String) { self.name = name }
    public var description: String { "a key named '\(name)' exists; revoke it first or choose another --name" }
}

extension SQLiteStore {
    public func add(key: APIKeyRecord) throws {
        try writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM apiKey WHERE name = ?", arguments: [key.name]) == true {
                throw KeyNameTakenError(name: key.name)
            }
            try db.execute(
                sql: "INSERT INTO apiKey (name, scope, hash, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [key.name, key.scope.rawValue, Data(key.hash), Int64(key.createdAt.timeIntervalSince1970)])
        }
    }

    public func keys() throws -> [APIKeyRecord] {
        try writer.read { db in
            try GRDB.Row.fetchAll(db, sql: "SELECT name, scope, hash, createdAt FROM apiKey ORDER BY createdAt, name")
                .compactMap { row -> APIKeyRecord? in
                    guard let scope = APIKeyScope(rawValue: row["scope"]) else { return nil }
                    let hash: Data = row["hash"]
                    let created: Int64 = row["createdAt"]
                    return APIKeyRecord(
                        name: row["name"], scope: scope, hash: Array(hash),
                        createdAt: Date(timeIntervalSince1970: TimeInterval(created)))
                }
        }
    }

    public func revokeKey(named name: String) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM apiKey WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }
}

extension SQLiteStore {
    public func customerTokenKey() throws -> [UInt8] {
        try writer.write { db in
            if let text = try String.fetchOne(db, sql: "SELECT value FROM storeSetting WHERE name = 'customerTokenKey'")
            {
                guard let key = Data(base64Encoded: text), key.count == 32 else {
                    throw StoreError(
                        code: .corrupt, message: "the store's customer token key is not 32 bytes of base64")
                }
                return Array(key)
            }
            var generator = SystemRandomNumberGenerator()
            let key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            try db.execute(
                sql: "INSERT INTO storeSetting (name, value) VALUES ('customerTokenKey', ?)",
                arguments: [Data(key).base64EncodedString()])
            return key
        }
    }

    public func rotateCustomerTokenKey() throws {
        try writer.write { db in
            var generator = SystemRandomNumberGenerator()
            let key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            try db.execute(
                sql: """
                    INSERT INTO storeSetting (name, value) VALUES ('customerTokenKey', ?)
                    ON CONFLICT(name) DO UPDATE SET value = excluded.value
                    """, arguments: [Data(key).base64EncodedString()])
        }
    }
}
