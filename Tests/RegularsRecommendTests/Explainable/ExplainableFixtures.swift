import Foundation
import RegularsData
import RegularsDemo

/// Snapshots for the explainable models' tests: hand-made order books with known answers, and the demo shop
/// with its planted patterns.
enum ExplainableFixtures {
    /// Day 0 of the hand-made books (2024-01-01T10:00:00Z); order times are whole days after it.
    static let dayZero: Int64 = 1_704_103_200

    /// The moment `days` after day 0.
    static func date(_ days: Double) -> Date {
        Date(timeIntervalSince1970: TimeInterval(dayZero) + days * 86_400)
    }

    /// One hand-made order: who, on which day after day 0, which SKUs.
    struct Order {
        var customer: String
        var day: Double
        var skus: [String]

        init(_ customer: String, day: Double, _ skus: [String]) {
            self.customer = customer
            self.day = day
            self.skus = skus
        }
    }

    /// A snapshot of `orders` (ids in the order given) over the catalog `products`, taken at `asOfDay`.
    static func snapshot(_ orders: [Order], products: [Product] = [], asOfDay: Double) -> Snapshot {
        var builder = SnapshotBuilder(asOf: date(asOfDay))
        for product in products { builder.add(product: product) }
        for (index, order) in orders.enumerated() {
            for sku in order.skus {
                builder.add(
                    line: .init(
                        orderID: "o\(index)", customerID: order.customer,
                        orderedAt: dayZero + Int64((order.day * 86_400).rounded()), sku: sku, quantity: 1,
                        unitPrice: 100_000))
            }
        }
        return builder.build()
    }

    /// The demo shop and its snapshot at the end of its last day, without cancelled and refunded orders.
    static let demo: (shop: DemoShop, snapshot: Snapshot) = {
        let shop = DemoShop.generate()
        return (shop, shop.snapshot())
    }()

    static var demoSnapshot: Snapshot { demo.snapshot }

    /// The demo product with `sku`.
    static func demoProduct(_ sku: SKU) -> ProductIndex { demo.snapshot.productIndexBySKU[sku]! }

    /// The demo SKU of a product.
    static func demoSKU(_ product: ProductIndex) -> SKU { demo.snapshot.products[Int(product)].sku }
}
