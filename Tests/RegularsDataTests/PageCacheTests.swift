import Foundation
import GRDB
import GRDBSQLite
import RegularsTestSupport
import Testing

@testable import RegularsData

/// A server keeps its store open for weeks and stores every event through one writer connection: SQLite's page
/// cache must not grow with the file (the 10-minute soak grew the server by the store's growth, 128 MB a connection).
@Suite("SQLite's page cache stays bounded")
struct PageCacheTests {
    /// What a long-running connection may hold, whatever the store's size: 8 MB (the everyday cache is 4 MB, plus
    /// SQLite's own bookkeeping per page).
    static let bound = 8 * 1024 * 1024

    /// A `sqlite3_db_status` figure of the writer connection.
    static func writerStatus(_ store: SQLiteStore, _ figure: Int32) throws -> Int {
        try store.writer.writeWithoutTransaction { db in
            var current: Int32 = 0
            var highwater: Int32 = 0
            _ = sqlite3_db_status(db.sqliteConnection, figure, &current, &highwater, 0)
            return Int(current)
        }
    }

    /// The bytes of page cache the writer connection holds now.
    static func writerCacheBytes(_ store: SQLiteStore) throws -> Int {
        try writerStatus(store, SQLITE_DBSTATUS_CACHE_USED)
    }

    static func fileBytes(_ store: SQLiteStore) throws -> Int {
        try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size") ?? 0
        }
    }

    @Test("storing events, batch after batch, leaves the writer's cache within its bound")
    func events() throws {
        let store = try TemporaryStore.make()
        let session = String(repeating: "s", count: 1_000)  // so that a few thousand events make megabytes
        for batch in 0..<30 {
            let events = (0..<1_000).map { n in
                ShopEvent(
                    id: "e-\(batch)-\(n)", kind: .productView, at: 1_750_000_000 + Int64(n),
                    customerID: "c-\(n % 300)", sessionID: session + "\(n)", sku: "SKU-\(n % 50)")
            }
            _ = try store.record(events: events, receivedAt: Date(timeIntervalSince1970: 1_750_000_000), scope: "")
        }
        let file = try Self.fileBytes(store)
        #expect(file > 3 * Self.bound, "the store must outgrow the cache for the test to mean anything")
        let cache = try Self.writerCacheBytes(store)
        #expect(cache <= Self.bound, "the writer holds \(cache) bytes of a \(file)-byte store in its cache")
    }

    @Test("an import gets a large cache for its transaction and gives it back")
    func importGivesItBack() throws {
        let store = try TemporaryStore.make()
        let orders = try Fixtures.temporaryDirectory().appendingPathComponent("orders.csv")
        try SyntheticOrdersFile.write(lines: 200_000, to: orders)
        _ = try Importer.importOrders(from: orders, format: .generic, into: store)
        let file = try Self.fileBytes(store)
        // The import's own cache held the whole file: kept, it would be over the bound.
        #expect(file > Self.bound, "the store must outgrow the cache for the test to mean anything")
        let cache = try Self.writerCacheBytes(store)
        #expect(cache <= Self.bound, "the writer kept \(cache) bytes of a \(file)-byte store in its cache")
        let size = try store.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") }
        #expect(size == SQLiteStore.pageCacheKiB.everyday)
        // With the everyday cache, the import's dirty pages would have spilled to the WAL mid-transaction.
        #expect(try Self.writerStatus(store, SQLITE_DBSTATUS_CACHE_SPILL) == 0)
    }
}
