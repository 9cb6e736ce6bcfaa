import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@Suite("store statistics")
struct StatisticsTests {
    @Test(
        "line figures: distinct SKUs, lines without a catalog product, duplicate lines within an order",
        arguments: StoreKind.available)
    func lineFigures(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        let products = try TemporaryStore.file(named: "products.csv", "sku,title\nMUG,Mug\n")
        _ = try Importer.importProducts(from: products, format: .generic, into: store)
        let orders = try TemporaryStore.file(
            named: "orders.csv",
            """
            order_id,customer_id,ordered_at,sku,product_name,category,quantity,unit_price
            A,c1,2024-01-05,MUG,Mug,,1,5.00
            A,c1,2024-01-05,MUG,Mug,,1,5.00
            A,c1,2024-01-05,MUG,Mug,,1,5.00
            A,c1,2024-01-05,TEA,Tea,,2,3.00
            B,c2,2024-01-06,MUG,Mug,,1,5.00
            B,c2,2024-01-06,TEA,Tea,,1,3.00
            B,c2,2024-01-06,TEA,Tea,,2,3.00
            """)
        _ = try Importer.importOrders(from: orders, format: .generic, into: store)
        let stats = try store.statistics()
        #expect(stats.orderLines == 7)
        #expect(stats.distinctSKUsInOrders == 2)
        #expect(stats.linesWithoutProductRecord == 3)
        // Two repeats of A's mug line; B's tea lines differ in quantity, and A's mug is not B's.
        #expect(stats.duplicateLines == 2)
    }
}
