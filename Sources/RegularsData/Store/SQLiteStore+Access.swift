import Foundation
import GRDB

extension SQLiteStore {
    public func add(grant: AccessGrant, at time: Int64) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM accessGrant WHERE expiresAt <= ?", arguments: [time])
            try db.execute(
                sql: "INSERT INTO accessGrant (tokenHash, kind, expiresAt, keyHash) VALUES (?, ?, ?, ?)",
                arguments: [grant.tokenHash, grant.kind.rawValue, grant.expiresAt, grant.keyHash.map { Data($0) }])
        }
    }

    public func grant(tokenHash: String, kind: AccessGrant.Kind, at time: Int64) throws -> AccessGrant? {
        try writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM accessGrant WHERE tokenHash = ? AND kind = ? AND expiresAt > ?",
                arguments: [tokenHash, kind.rawValue, time]
            ).map(Self.grant)
        }
    }

    public func takeGrant(tokenHash: String, kind: AccessGrant.Kind, at time: Int64) throws -> AccessGrant? {
        // Read and delete in one write transaction: of two servers redeeming one link at once, one gets it.
        try writer.write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM accessGrant WHERE tokenHash = ? AND kind = ?",
                    arguments: [tokenHash, kind.rawValue])
            else { return nil }
            try db.execute(sql: "DELETE FROM accessGrant WHERE tokenHash = ?", arguments: [tokenHash])
            let grant = Self.grant(row)
            return grant.expiresAt > time ? grant : nil
        }
    }

    public func beat(server id: String, at time: Int64, window: Int64) throws -> Int {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM serverBeat WHERE beatAt <= ?", arguments: [time - window])
            try db.execute(
                sql: "INSERT INTO serverBeat (id, beatAt) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET beatAt = ?",
                arguments: [id, time, time])
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM serverBeat") ?? 1
        }
    }

    public func removeGrant(tokenHash: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM accessGrant WHERE tokenHash = ?", arguments: [tokenHash])
        }
    }

    private static func grant(_ row: Row) -> AccessGrant {
        AccessGrant(
            tokenHash: row["tokenHash"], kind: AccessGrant.Kind(rawValue: row["kind"]) ?? .link,
            expiresAt: row["expiresAt"], keyHash: (row["keyHash"] as Data?).map { [UInt8]($0) })
    }
}
