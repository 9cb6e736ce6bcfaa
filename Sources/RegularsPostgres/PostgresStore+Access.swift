import Foundation
import PostgresNIO
import RegularsData

extension PostgresStore {
    public func add(grant: AccessGrant, at time: Int64) throws {
        try transaction { session in
            try session.execute("DELETE FROM accessGrant WHERE expiresAt <= $1", [time])
            try session.execute(
                "INSERT INTO accessGrant (tokenHash, kind, expiresAt, keyHash) VALUES ($1, $2, $3, $4)",
                [grant.tokenHash, grant.kind.rawValue, grant.expiresAt, grant.keyHash.map { Data($0) }])
        }
    }

    /// On the primary: a session made on one server is looked up on another a moment later.
    public func grant(tokenHash: String, kind: AccessGrant.Kind, at time: Int64) throws -> AccessGrant? {
        try readPrimary { session in
            try session.query(
                """
                SELECT tokenHash, kind, expiresAt, keyHash FROM accessGrant
                WHERE tokenHash = $1 AND kind = $2 AND expiresAt > $3
                """, [tokenHash, kind.rawValue, time]
            ).rows.first.map(Self.grant)
        }
    }

    /// One statement deletes and returns: of two servers redeeming one link at once, one gets the row.
    public func takeGrant(tokenHash: String, kind: AccessGrant.Kind, at time: Int64) throws -> AccessGrant? {
        let taken = try transaction { session in
            try session.query(
                """
                DELETE FROM accessGrant WHERE tokenHash = $1 AND kind = $2
                RETURNING tokenHash, kind, expiresAt, keyHash
                """,
                [tokenHash, kind.rawValue]
            ).rows.first.map(Self.grant)
        }
        guard let taken, taken.expiresAt > time else { return nil }
        return taken
    }

    public func beat(server id: String, at time: Int64, window: Int64) throws -> Int {
        try transaction { session in
            try session.execute("DELETE FROM serverBeat WHERE beatAt <= $1", [time - window])
            try session.execute(
                "INSERT INTO serverBeat (id, beatAt) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET beatAt = $2",
                [id, time])
            return Int(try session.value(Int64.self, "SELECT count(*) FROM serverBeat") ?? 1)
        }
    }

    public func removeGrant(tokenHash: String) throws {
        try transaction { try $0.execute("DELETE FROM accessGrant WHERE tokenHash = $1", [tokenHash]) }
    }

    private static func grant(_ row: PostgresRow) throws -> AccessGrant {
        let (hash, kind, expires, key) = try row.decode((String, String, Int64, ByteBuffer?).self)
        return AccessGrant(
            tokenHash: hash, kind: AccessGrant.Kind(rawValue: kind) ?? .link, expiresAt: expires,
            keyHash: key.map { Array($0.readableBytesView) })
    }
}
