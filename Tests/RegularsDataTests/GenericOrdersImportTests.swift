import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@Suite("Importing generic orders")
struct GenericOrdersImportTests {
    private let orders = Fixtures.file("generic/orders.csv")

    @Test(
        "imports every line, groups lines by order id even when not adjacent, and sums totals",
        arguments: StoreKind.available)
    func importsFixture(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        let report = try Importer.importOrders(from: orders, displayName: "orders.csv", format: .generic, into: store)
        #expect(report.rowsRead == 5)
        #expect(report.rowsImported == 5)
        let stats = try store.statistics()
        #expect(stats.orders == 3)
        #expect(stats.orderLines == 5)
        #expect(stats.customers == 2)
        #expect(stats.products == 4)
        let snapshot = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        let a2 = try #require(snapshot.orderIDs.firstIndex(of: "A-2"))
        #expect(snapshot.lines(of: a2).count == 2)
        #expect(snapshot.orderTotal[a2] == Money(parsing: "32.50")!.units)
        #expect(Timestamp.iso(snapshot.orderTime[a2]) == "2024-01-06T10:30:00Z")
    }

    @Test("importing the same file twice changes nothing", arguments: StoreKind.available)
    func idempotent(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        _ = try Importer.importOrders(from: orders, format: .generic, into: store)
        let first = try store.statistics()
        _ = try Importer.importOrders(from: orders, format: .generic, into: store)
        #expect(try store.statistics() == first)
    }

    @Test("a changed row updates its record and a shrunk order loses its extra lines", arguments: StoreKind.available)
    func changedRowsUpdate(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        _ = try Importer.importOrders(from: orders, format: .generic, into: store)
        let changed = try TemporaryStore.file(
            named: "orders.csv",
            """
            order_id,customer_id,ordered_at,sku,product_name,category,quantity,unit_price
            A-1,c-1,2024-01-05T10:00:00Z,SKILLET,Cast-iron skillet,Cookware,3,29.90
            """)
        _ = try Importer.importOrders(from: changed, format: .generic, into: store)
        let snapshot = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        let a1 = try #require(snapshot.orderIDs.firstIndex(of: "A-1"))
        #expect(snapshot.lines(of: a1).count == 1)
        #expect(snapshot.lineQuantity[snapshot.lines(of: a1).lowerBound] == 3)
        #expect(try store.statistics().orderLines == 4)
    }

    @Test(
        "one broken row refuses the file, names its line and column, and leaves the store unchanged",
        arguments: StoreKind.available,
        [
            ("bad-date.csv", 3, "ordered_at", "cannot read \"31/02/2011\" as a date"),
            ("unclosed-quote.csv", 3, "product_name", "closing quote never comes"),
        ])
    func brokenRow(kind: StoreKind, broken: (file: String, line: Int, column: String, message: String)) throws {
        let (file, line, column, message) = broken
        let store = try TemporaryStore.make(kind)
        _ = try Importer.importOrders(from: orders, format: .generic, into: store)
        let before = try store.statistics()
        do {
            _ = try Importer.importOrders(
                from: Fixtures.file("generic/\(file)"), displayName: file, format: .generic, into: store)
            Issue.record("the broken file was imported")
        } catch let refused as ImportRefused {
            let error = try #require(refused.report.rejected.first)
            #expect(error.line == line)
            #expect(error.field == column)
            #expect(error.description.hasPrefix("\(file):\(line): column '\(column)': "))
            #expect(error.description.contains(message))
        }
        #expect(try store.statistics() == before)
    }

    @Test(
        "--skip-invalid imports the valid rows and writes the rejects with their reason", arguments: StoreKind.available
    )
    func skipInvalid(kind: StoreKind) throws {
        let folder = try Fixtures.temporaryDirectory()
        let copy = folder.appendingPathComponent("bad-date.csv")
        try FileManager.default.copyItem(at: Fixtures.file("generic/bad-date.csv"), to: copy)
        let store = try TemporaryStore.make(kind)
        let report = try Importer.importOrders(
            from: copy, displayName: "bad-date.csv", format: .generic, options: ImportOptions(skipInvalid: true),
            into: store)
        #expect(report.rowsImported == 2)
        #expect(report.rejectedCount == 1)
        #expect(try store.statistics().orders == 2)
        let rejects = try String(contentsOf: URL(fileURLWithPath: copy.path + ".rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("31/02/2011"))
        #expect(rejects.contains("ordered_at: cannot read"))
    }

    @Test("--map reads our fields from a spreadsheet's own column names", arguments: StoreKind.available)
    func columnMap(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        let map = [
            "order_id": "Invoice", "customer_id": "Client", "ordered_at": "Date", "sku": "Item code",
            "product_name": "Description", "quantity": "Qty", "unit_price": "Price",
        ]
        let report = try Importer.importOrders(
            from: Fixtures.file("generic/mapped.csv"), format: .generic, options: ImportOptions(columnMap: map),
            into: store)
        #expect(report.rowsImported == 1)
        #expect(try store.statistics().orderLines == 1)
    }

    @Test("a missing column is named with the header it has", arguments: StoreKind.available)
    func missingColumn(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        #expect(throws: ImportError.self) {
            try Importer.importOrders(from: Fixtures.file("generic/mapped.csv"), format: .generic, into: store)
        }
        do {
            _ = try Importer.importOrders(
                from: Fixtures.file("generic/mapped.csv"), displayName: "mapped.csv", format: .generic, into: store)
        } catch let error as ImportError {
            #expect(error.line == 1)
            #expect(error.field == "order_id")
            #expect(error.description.contains("Invoice"))
        }
    }
}
