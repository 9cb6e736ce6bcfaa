import Foundation
import PostgresNIO
import RegularsData

/// A shop's store on PostgreSQL: the same `Store` as `SQLiteStore`, for several servers and workers sharing one
/// database, and for many shops in one (a schema each, see `PostgresLocation`).
///
/// Its queries are SQLite's, translated: upserts are `ON CONFLICT`, a claim is `FOR UPDATE SKIP LOCKED`, and what
/// SQLite gets from its single writer (one job claimed once, a key name checked then taken) comes from a
/// transaction-scoped advisory lock or a statement that checks and writes at once.
public final class PostgresStore: Store, @unchecked Sendable {
    public let location: PostgresLocation
    let connections: PostgresConnections

    /// Connects, creating the shop's schema and applying pending migrations.
    public init(location: PostgresLocation, connections limit: Int = 8) throws {
        self.location = location
        connections = PostgresConnections(location: location, limit: limit)
        try connections.with { session in try Self.migrate(session, location: location) }
    }

    /// Whether the shop's schema exists, without creating it.
    public static func exists(_ location: PostgresLocation) throws -> Bool {
        try PostgresConnections(location: location, limit: 1).with { session in
            try session.value(
                Bool.self, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", [location.schema]) ?? false
        }
    }

    /// The shops whose schemas this database holds, sorted.
    public static func shops(at location: PostgresLocation) throws -> [String] {
        try PostgresConnections(location: location, limit: 1).with { session in
            try session.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'shop\\_%' ORDER BY nspname").rows
                .map { String(try $0.decode(String.self).dropFirst(5)).replacingOccurrences(of: "_", with: "-") }
        }
    }

    /// Deletes the shop: its schema and every row in it.
    public static func delete(_ location: PostgresLocation) throws {
        try PostgresConnections(location: location, limit: 1).with { session in
            try session.execute("DROP SCHEMA IF EXISTS \(location.schema) CASCADE")
        }
    }

    @discardableResult
    func read<T>(_ body: (PostgresSession) throws -> T) throws -> T { try connections.with(body) }

    /// `body` in one transaction on one connection.
    @discardableResult
    func transaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try connections.with { session in try session.transaction { try body(session) } }
    }

    public func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        try transaction { session in
            let writer = PostgresStoreWriter(session: session)
            let result = try body(writer)
            try writer.flush()
            return result
        }
    }

    /// A consistent read: one `REPEATABLE READ` transaction sees the database as of its first query, whatever
    /// imports commit meanwhile.
    public func snapshot(asOf: Date) throws -> Snapshot {
        try connections.with { session in
            try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                try Self.loadSnapshot(session, asOf: asOf)
            }
        }
    }

    public func statistics() throws -> StoreStatistics {
        try connections.with { session in
            try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                try Self.loadStatistics(session)
            }
        }
    }

    public func newestOrderAt() throws -> Int64? {
        try read { try $0.value(Int64.self, "SELECT max(createdAt) FROM shopOrder") }
    }

    public func lastImport() throws -> ImportReport? {
        guard
            let json = try read({ try $0.value(String.self, "SELECT report FROM importLog ORDER BY id DESC LIMIT 1") })
        else { return nil }
        return try JSONDecoder().decode(ImportReport.self, from: Data(json.utf8))
    }

    public func importedFiles() throws -> [String] {
        let reports = try read { session in
            try session.query("SELECT report FROM importLog ORDER BY id").rows.map { try $0.decode(String.self) }
        }
        return ImportReport.files(fromReports: reports)
    }
}
