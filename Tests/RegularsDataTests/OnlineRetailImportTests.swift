import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@Suite("Importing the real UCI Online Retail orders")
struct OnlineRetailImportTests {
    @Test("counts match the published data set, and a second import changes nothing", arguments: StoreKind.available)
    func counts(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        let url = Fixtures.sharedData("online-retail.csv.gz")
        _ = try Importer.importOrders(from: url, format: .generic, into: store)
        let stats = try store.statistics()
        #expect(stats.orderLines == 397_924)
        #expect(stats.orders == 18_536)
        #expect(stats.customers == 4_339)
        #expect(stats.distinctSKUsInOrders == 3_665)
        #expect(stats.firstOrderAt.map(Timestamp.iso) == "2010-12-01T08:26:00Z")
        #expect(stats.lastOrderAt.map(Timestamp.iso) == "2011-12-09T12:50:00Z")
        _ = try Importer.importOrders(from: url, format: .generic, into: store)
        #expect(try store.statistics() == stats)
        let snapshot = try store.snapshot(asOf: Fixtures.day("2011-11-09"))
        #expect(snapshot.orderCount < stats.orders)
        #expect(
            snapshot.lineCount
                == (0..<snapshot.customerCount).reduce(0) { $0 + snapshot.lines(ofCustomer: CustomerIndex($1)).count })
    }
}
