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
    /// A streaming replica that answers the reads, when one is given (`--read-store`).
    public let replica: PostgresLocation?
    let connections: PostgresConnections
    /// The replica's connections, else the primary's.
    let readConnections: PostgresConnections

    /// Connects, creating the shop's schema and applying pending migrations. With `replica`, the reads that may lag
    /// the primary by a moment (snapshots for training and insights, statistics, lists, events, experiments) go
    /// to it; every write, and every read a write depends on at once (a claim, a sign-in link, a session, the
    /// suppression list read inside a write), stays on the primary.
    public init(location: PostgresLocation, replica: PostgresLocation? = nil) throws {
        self.location = location
        self.replica = replica.map { $0.shop(location.shop) }
        connections = PostgresConnections(location: location)
        readConnections = self.replica.map { PostgresConnections(location: $0) } ?? connections
        try connections.with { session in try Self.migrate(session, location: location) }
    }

    /// The shops whose schemas this database holds, sorted.
    public static func shops(at location: PostgresLocation) throws -> [String] {
        try PostgresConnections(oneOff: location).with { session in
            try session.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'shop\\_%' ORDER BY nspname").rows
                .map { String(try $0.decode(String.self).dropFirst(5)).replacingOccurrences(of: "_", with: "-") }
        }
    }

    /// Deletes the shop: its schema and every row in it.
    public static func delete(_ location: PostgresLocation) throws {
        try PostgresConnections(oneOff: location).with { session in
            try session.execute("DROP SCHEMA IF EXISTS \(location.schema) CASCADE")
        }
    }

    /// `body` on a connection for reading: the replica's when there is one.
    @discardableResult
    func read<T>(_ body: (PostgresSession) throws -> T) throws -> T { try readConnections.with(body) }

    /// `body` on the primary, for a read that must see the latest write.
    @discardableResult
    func readPrimary<T>(_ body: (PostgresSession) throws -> T) throws -> T { try connections.with(body) }

    /// `body` in one transaction on one connection.
    @discardableResult
    func transaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try connections.with { session in try session.transaction { try body(session) } }
    }

    public func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        try transaction { session in try Self.batched(session, body) }
    }

    /// `body` with a batching writer on `session`, whose last batch is sent before the transaction ends.
    private static func batched<T>(_ session: PostgresSession, _ body: (any StoreWriter) throws -> T) throws -> T {
        let writer = PostgresStoreWriter(session: session)
        let result = try body(writer)
        try writer.flush()
        return result
    }

    /// Into a shop without orders, the order table's secondary indexes and the two foreign keys of orders and lines
    /// are dropped for the import and made again at its end, in the same transaction (a refused import rolls them
    /// back with the rows): built once from the data, they cost a fraction of checking and growing them row by row
    /// (a 10-million-line import took 6 minutes with them). An empty shop has nothing to serve meanwhile.
    public func importWrite<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        try transaction { session in
            let empty = try session.value(Bool.self, "SELECT NOT EXISTS (SELECT 1 FROM shopOrder)") ?? false
            if empty { try session.executeScript(Self.bulkLoadStart) }
            let result = try Self.batched(session, body)
            if empty { try session.executeScript(Self.bulkLoadEnd) }
            return result
        }
    }

    static let bulkLoadStart = """
        ALTER TABLE orderLine DROP CONSTRAINT orderline_orderkey_fkey;
        ALTER TABLE shopOrder DROP CONSTRAINT shoporder_customerid_fkey;
        DROP INDEX shopOrder_customer_time;
        DROP INDEX shopOrder_time;
        """

    static let bulkLoadEnd = """
        CREATE INDEX shopOrder_customer_time ON shopOrder (customerId, createdAt);
        CREATE INDEX shopOrder_time ON shopOrder (createdAt);
        ALTER TABLE shopOrder ADD CONSTRAINT shoporder_customerid_fkey
            FOREIGN KEY (customerId) REFERENCES customer(id) ON DELETE CASCADE;
        ALTER TABLE orderLine ADD CONSTRAINT orderline_orderkey_fkey
            FOREIGN KEY (orderKey) REFERENCES shopOrder(key) ON DELETE CASCADE;
        """

    /// A consistent read: one `REPEATABLE READ` transaction sees the database as of its first query, whatever
    /// imports commit meanwhile. On the replica when there is one.
    private func consistentRead<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try readConnections.with { session in
            try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { try body(session) }
        }
    }

    public func snapshot(asOf: Date) throws -> Snapshot {
        try consistentRead { try Self.loadSnapshot($0, asOf: asOf) }
    }

    public func statistics() throws -> StoreStatistics { try consistentRead(Self.loadStatistics) }

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
