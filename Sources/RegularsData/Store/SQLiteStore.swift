import Foundation
import GRDB

/// The embedded default store: one SQLite file per shop, in WAL mode, with foreign keys on.
public struct SQLiteStore: Store {
    let writer: any DatabaseWriter
    public let path: String

    /// Opens the file at `path`, creating it if missing, and runs pending migrations.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // The server reads while `regulars train` or an import writes from another process: wait for the
        // lock instead of failing at once.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = \(Self.pageCacheKiB.everyday)")
        }
        do {
            writer = try Self.open(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw StoreError(code: .cannotOpen, message: "\(path): \(error.message ?? "\(error)")")
        }
    }

    /// Opens the file and runs pending migrations, when another process may be doing the same (two servers
    /// started at once on a store a new version opens first). Making a new file a WAL database needs a lock the
    /// busy timeout does not wait for, and GRDB reads which migrations are applied before it takes the write
    /// lock, so the second process can run one the first has just applied ("table job already exists"): either
    /// way it tries again, and goes on from where the first got to.
    static func open(path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                do {
                    try migrator.migrate(pool)
                } catch let error as DatabaseError {
                    let completed = try? pool.read { db in try migrator.hasCompletedMigrations(db) }
                    if completed != true { throw error }
                }
                return pool
            } catch let error as DatabaseError {
                attempt += 1
                if attempt >= 20 { throw error }
                Thread.sleep(forTimeInterval: 0.01 * Double(attempt))
            }
        }
    }

    /// SQLite's page cache per connection, as `PRAGMA cache_size` takes it (negative: KiB). Every connection
    /// keeps its cache for as long as it lives, and a server's writer sees every new page (each event it
    /// stores): a cache as large as the import's would grow the server by the store's growth, 128 MB a
    /// connection. A large import is one transaction, which with a small cache spills pages to the WAL and reads
    /// them back, costing more than the inserts; it gets the large cache for its transaction, and so does the
    /// snapshot's read (`snapshot(asOf:)`).
    static let pageCacheKiB = (everyday: -4_096, importing: -131_072)

    public func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        try writer.write { db in try body(SQLiteStoreWriter(db: db)) }
    }

    /// Foreign keys are off for the import's transaction: checking each line's order cost a B-tree search
    /// per line, and the writer only ever writes a line under the key its order was just given. They are
    /// on again before the connection serves anything else.
    public func importWrite<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            return try Self.withLargeCache(db) {
                var result: T?
                try db.inTransaction(.immediate) {
                    // Into a store without orders, the two secondary order indexes are built once at the end from
                    // sorted data instead of growing by a random insert per order. In the same transaction: a
                    // refused import rolls the schema back with the rows.
                    let empty = try Int.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM shopOrder)") == 0
                    if empty { try db.execute(sql: "DROP INDEX shopOrder_customer_time; DROP INDEX shopOrder_time") }
                    result = try body(SQLiteStoreWriter(db: db))
                    if empty { try db.execute(sql: Self.orderIndexes) }
                    return .commit
                }
                return result!
            }
        }
    }

    /// `body` on `db` with the import's page cache, then the everyday size again, which frees the large cache's
    /// pages: the connection lives on in the pool.
    static func withLargeCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA cache_size = \(pageCacheKiB.importing)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(pageCacheKiB.everyday)") }
        return try body()
    }

    /// The snapshot's read gets the import's cache for its transaction: it walks the orders by customer and
    /// finds each one's lines in the line table's B-tree, and with the everyday cache a large store's pages were
    /// read again and again (600,000 page reads, 5.6 s of a 1.5-million-line shop's training).
    public func snapshot(asOf: Date) throws -> Snapshot {
        try writer.read { db in try Self.withLargeCache(db) { try Self.loadSnapshot(db, asOf: asOf) } }
    }

    public func statistics() throws -> StoreStatistics {
        try writer.read { db in try Self.loadStatistics(db) }
    }

    public func newestOrderAt() throws -> Int64? {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(createdAt) FROM shopOrder") }
    }

    public func lastImport() throws -> ImportReport? {
        try writer.read { db in
            guard let json = try String.fetchOne(db, sql: "SELECT report FROM importLog ORDER BY id DESC LIMIT 1")
            else {
                return nil
            }
            return try JSONDecoder().decode(ImportReport.self, from: Data(json.utf8))
        }
    }

    public func importedFiles() throws -> [String] {
        ImportReport.files(
            fromReports: try writer.read { db in
                try String.fetchAll(db, sql: "SELECT report FROM importLog ORDER BY id")
            })
    }

    /// Runs `body` with the raw database, for the store's own extensions.
    func read<T>(_ body: (Database) throws -> T) throws -> T { try writer.read(body) }
}

/// An error of the store itself (not of the data): the file cannot be opened, a migration failed.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable { case cannotOpen, migrationFailed, corrupt }
    public var code: Code
    public var message: String
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { message }
}
