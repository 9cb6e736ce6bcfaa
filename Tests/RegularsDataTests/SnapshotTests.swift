import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@Suite("Snapshot")
struct SnapshotTests {
    private func line(_ order: String, _ customer: String, _ day: String, _ sku: String) -> SnapshotBuilder.Line {
        SnapshotBuilder.Line(
            orderID: order, customerID: customer, orderedAt: Int64(Fixtures.day(day).timeIntervalSince1970), sku: sku,
            quantity: 1, unitPrice: 10_000)
    }

    @Test("lays one customer's orders and lines out contiguously, oldest first")
    func csrLayout() {
        var builder = SnapshotBuilder(asOf: Fixtures.day("2024-12-31"))
        builder.add(line: line("o3", "b", "2024-03-01", "X"))
        builder.add(line: line("o2", "a", "2024-02-01", "Y"))
        builder.add(line: line("o1", "a", "2024-01-01", "X"))
        builder.add(line: line("o2", "a", "2024-02-01", "Z"))
        let snapshot = builder.build()
        let a = snapshot.customerIndexByID["a"]!
        let orders = snapshot.orders(of: a)
        #expect(orders.count == 2)
        #expect(snapshot.orderIDs[orders.lowerBound] == "o1")
        #expect(snapshot.lines(ofCustomer: a).count == 3)
        let skus = snapshot.lines(ofCustomer: a).map { snapshot.products[Int(snapshot.lineProduct[$0])].sku }
        #expect(skus == ["X", "Y", "Z"])
        #expect(snapshot.orderTotal[orders.lowerBound + 1] == 20_000)
    }

    @Test("drops lines at or after asOf, so a back-test sees only its past")
    func asOfCutoff() {
        var builder = SnapshotBuilder(asOf: Fixtures.day("2024-02-01"))
        let kept = builder.add(line: line("o1", "a", "2024-01-31", "X"))
        let dropped = builder.add(line: line("o2", "a", "2024-02-01", "Y"))
        #expect(kept)
        #expect(!dropped)
        let snapshot = builder.build()
        #expect(snapshot.orderCount == 1)
        #expect(snapshot.lineCount == 1)
    }

    @Test("a store's snapshot at a date holds exactly the orders before it")
    func storeSnapshot() throws {
        let store = try TemporaryStore.make()
        _ = try Importer.importOrders(from: Fixtures.file("generic/orders.csv"), format: .generic, into: store)
        #expect(try store.snapshot(asOf: Fixtures.day("2024-01-06")).orderCount == 1)
        #expect(try store.snapshot(asOf: Fixtures.day("2024-02-05")).orderCount == 2)
        #expect(try store.snapshot(asOf: Fixtures.day("2024-02-06")).orderCount == 3)
    }
}
