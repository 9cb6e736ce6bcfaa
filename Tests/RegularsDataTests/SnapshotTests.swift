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

    @Test(
        "a store's snapshot is the builder's snapshot of the same lines: categories, customers, orders, lines",
        arguments: StoreKind.available)
    func storeSnapshotMatchesBuilder(kind: StoreKind) throws {
        let csv = """
            order_id,customer_id,ordered_at,sku,product_name,category,quantity,unit_price
            B-1,c-2,2024-01-07T10:00:00Z,KETTLE,Kettle,Kitchen,1,30.00
            A-1,c-1,2024-01-05T10:00:00Z,SKILLET,Skillet,Cookware,1,29.90
            A-2,c-1,2024-01-09T10:00:00Z,BEANS,Coffee beans,,2,12.00
            A-1,c-1,2024-01-05T10:00:00Z,BEANS,Coffee beans,,1,12.00
            B-2,c-2,2024-01-08T10:00:00Z,SKILLET,Skillet,Cookware,1,29.90
            C-1,c-3,2024-01-06T10:00:00Z,KETTLE,Kettle,Kitchen,1,30.00
            """
        let store = try TemporaryStore.make(kind)
        _ = try Importer.importOrders(
            from: try TemporaryStore.file(named: "orders.csv", csv), format: .generic, into: store)
        let stored = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        var builder = SnapshotBuilder(asOf: Fixtures.day("2030-01-01"))
        for row in csv.split(separator: "\n").dropFirst() {
            let f = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            builder.add(
                line: .init(
                    orderID: f[0], customerID: f[1], orderedAt: Timestamp.parse(f[2])!, sku: f[3],
                    productName: f[4], category: f[5].isEmpty ? nil : f[5], quantity: Int32(f[6])!,
                    unitPrice: Int64((Double(f[7])! * 100).rounded())))
        }
        let built = builder.build()
        func category(_ snapshot: Snapshot, _ sku: String) -> String? {
            let c = snapshot.products[Int(snapshot.productIndexBySKU[sku]!)].category
            return c < 0 ? nil : snapshot.categories[Int(c)]
        }
        for sku in ["KETTLE", "SKILLET", "BEANS"] { #expect(category(stored, sku) == category(built, sku)) }
        #expect(category(stored, "KETTLE") == "Kitchen" && category(stored, "BEANS") == nil)
        func lines(_ s: Snapshot) -> [String] {
            (0..<s.lineCount).map { line in
                let order = Int(s.lineOrder[line])
                return "\(s.customers[Int(s.orderCustomer[order])].id) \(s.orderIDs[order]) \(s.orderTime[order]) "
                    + "\(s.products[Int(s.lineProduct[line])].sku) \(s.lineQuantity[line])"
            }.sorted()
        }
        #expect(lines(stored) == lines(built) && lines(stored).count == 6)
    }

    @Test("a store's snapshot at a date holds exactly the orders before it", arguments: StoreKind.available)
    func storeSnapshot(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        _ = try Importer.importOrders(from: Fixtures.file("generic/orders.csv"), format: .generic, into: store)
        #expect(try store.snapshot(asOf: Fixtures.day("2024-01-06")).orderCount == 1)
        #expect(try store.snapshot(asOf: Fixtures.day("2024-02-05")).orderCount == 2)
        #expect(try store.snapshot(asOf: Fixtures.day("2024-02-06")).orderCount == 3)
    }
}
