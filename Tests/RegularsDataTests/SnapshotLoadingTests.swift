import Foundation
import GRDB
import RegularsTestSupport
import Testing

@testable import RegularsData

/// A store's snapshot is read on one thread and built on another (`SnapshotLoading`), from a query SQLite answers
/// without sorting (`SQLiteStore.snapshotLinesSQL` over the unique order index).
@Suite("loading a snapshot on two threads")
struct SnapshotLoadingTests {
    /// 40 orders of 1–8 lines over 9 customers, each order with a total that is not its lines' sum.
    static let entries: [SnapshotLoading.Entry] = (0..<40).flatMap { order in
        (0..<(1 + order % 8)).map { position in
            SnapshotLoading.Entry(
                line: SnapshotBuilder.Line(
                    orderID: "O\(order)", customerID: "C\(order % 9)",
                    orderedAt: Int64(Fixtures.day("2024-01-01").timeIntervalSince1970) + Int64(order) * 3_600,
                    sku: "S\((order * 7 + position * 3) % 23)", productName: "Product \(position)",
                    quantity: Int32(1 + position), unitPrice: 1_000),
                orderTotal: Int64(order) * 100 + 1)
        }
    }

    @Test("batches handed over in more hand-overs than the queue holds build the snapshot one thread builds")
    func sameAsOneThread() throws {
        var direct = SnapshotBuilder(asOf: Fixtures.day("2030-01-01"))
        for entry in Self.entries {
            direct.add(line: entry.line)
            direct.setTotal(Money(units: entry.orderTotal), ofOrder: entry.line.orderID)
        }
        var overlapped = SnapshotBuilder(asOf: Fixtures.day("2030-01-01"))
        // Batches of 3 lines: about 60 hand-overs through a queue of 8.
        try SnapshotLoading.overlapped(into: &overlapped) { send in
            for start in stride(from: 0, to: Self.entries.count, by: 3) {
                try send(Array(Self.entries[start..<min(start + 3, Self.entries.count)]))
            }
        }
        let a = direct.build(), b = overlapped.build()
        #expect(a.orderIDs == b.orderIDs)
        #expect(a.orderTotal == b.orderTotal)
        // The given totals, not the lines' sums: customer C0's orders are O0, O9 and O18.
        #expect(Array(b.orderTotal.prefix(3)) == [1, 901, 1_801])
        #expect(a.lineProduct == b.lineProduct)
        #expect(a.lineQuantity == b.lineQuantity)
        #expect(a.products.map(\.sku) == b.products.map(\.sku))
        #expect(a.customers.map(\.id) == b.customers.map(\.id))
    }

    struct ReadFailed: Error {}

    @Test("a read that fails part of the way throws its error, with the building thread ended")
    func readFailure() {
        var builder = SnapshotBuilder(asOf: Fixtures.day("2030-01-01"))
        #expect(throws: ReadFailed.self) {
            try SnapshotLoading.overlapped(into: &builder) { send in
                for entry in Self.entries.prefix(30) { try send([entry]) }
                throw ReadFailed()
            }
        }
        // The builder is the caller's again, as it was: nothing half-built came back.
        #expect(builder.build().orderCount == 0)
    }

    @Test("SQLite answers the snapshot's query in its order without a sort, on a new store and after an import")
    func noSort() throws {
        let store = try TemporaryStore.make()
        func plan() throws -> [String] {
            try store.writer.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SQLiteStore.snapshotLinesSQL, arguments: [0])
                    .map { $0["detail"] as String }
            }
        }
        let fresh = try plan()
        #expect(fresh.contains { $0.contains("shopOrder_customer_time") })
        #expect(!fresh.contains { $0.contains("TEMP B-TREE") }, "\(fresh)")
        // An import into an empty store drops the order indexes and builds them again at its end.
        let csv = """
            order_id,customer_id,ordered_at,sku,product_name,category,quantity,unit_price
            A-1,c-1,2024-01-05T10:00:00Z,SKILLET,Skillet,Cookware,1,29.90
            A-2,c-1,2024-01-05T10:00:00Z,BEANS,Coffee beans,,2,12.00
            """
        _ = try Importer.importOrders(
            from: try TemporaryStore.file(named: "orders.csv", csv), format: .generic, into: store)
        let imported = try plan()
        #expect(!imported.contains { $0.contains("TEMP B-TREE") }, "\(imported)")
        let unique = try store.writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT \"unique\" FROM pragma_index_list('shopOrder') WHERE name = 'shopOrder_customer_time'")
        }
        #expect(unique == 1)
    }
}
