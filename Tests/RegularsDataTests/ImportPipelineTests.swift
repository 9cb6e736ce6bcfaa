import Foundation
import GRDB
import RegularsTestSupport
import Testing

@testable import RegularsData

/// An import reads on one thread and writes on another (`ImportPipeline`): a failure on either side must still
/// leave the store as it was, and a store that fails must stop the reading, not let it run to the end of the file.
@Suite("an import reads and writes on two threads, and fails as one")
struct ImportPipelineTests {
    /// The fractions of the file read, as the progress callback saw them (it is called from the reading thread).
    final class Progress: @unchecked Sendable {  // `lock` guards `seen`.
        private let lock = NSLock()
        private var seen: [Double] = []
        func add(_ fraction: Double) { lock.withLock { seen.append(fraction) } }
        var largest: Double { lock.withLock { seen.max() ?? 0 } }
    }

    @Test("a store that fails a third of the way in: its error is thrown, nothing is kept, reading stops early")
    func storeFailure() throws {
        let store = try TemporaryStore.make()
        let orders = try Fixtures.temporaryDirectory().appendingPathComponent("orders.csv")
        try SyntheticOrdersFile.write(lines: 200_000, to: orders)
        // Order INV6000 starts near line 60,000 of 200,000 (orders have 10 lines on average).
        try store.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse BEFORE INSERT ON shopOrder WHEN NEW.id = 'INV6000'
                    BEGIN SELECT RAISE(ABORT, 'the disk is full (a test)'); END
                    """)
        }
        let progress = Progress()
        let options = ImportOptions(progress: { progress.add($0) })
        #expect {
            _ = try Importer.importOrders(from: orders, format: .generic, options: options, into: store)
        } throws: { error in
            (error as? DatabaseError)?.message?.contains("the disk is full") == true
        }
        let kept = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM shopOrder) + (SELECT count(*) FROM orderLine)")
        }
        #expect(kept == 0)
        // The reader may be ahead of the writer by the queue's bound (8 batches of 4,096 writes), not the file.
        #expect(progress.largest > 0.2 && progress.largest < 0.6, "read \(progress.largest) of the file")
        // The store is usable afterwards: the same file imports once the cause is gone.
        try store.writer.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        let report = try Importer.importOrders(from: orders, format: .generic, into: store)
        #expect(report.rowsImported == 200_000)
        #expect(try store.statistics().orderLines == 200_000)
    }

    @Test("a file refused near its end writes nothing, though most of its writes were already queued")
    func readerFailure() throws {
        let store = try TemporaryStore.make()
        let directory = try Fixtures.temporaryDirectory()
        let orders = directory.appendingPathComponent("orders.csv")
        try SyntheticOrdersFile.write(lines: 100_000, to: orders)
        var text = try String(contentsOf: orders, encoding: .utf8)
        text += "INV-LAST,C1,2024-02-30T00:00:00Z,SKU-1,Product 1,Category 1,1,1.00\n"
        try text.write(to: orders, atomically: true, encoding: .utf8)
        #expect(throws: ImportRefused.self) {
            _ = try Importer.importOrders(from: orders, format: .generic, into: store)
        }
        #expect(try store.statistics().orderLines == 0)
        #expect(try store.statistics().orders == 0)
    }
}
