import Foundation
import RegularsData
import RegularsRecommend
import Testing

@testable import RegularsCLI

@Suite("Demo placements showcase")
struct DemoPlacementsTests {
    /// The demo shop's models, trained as `regulars demo` would (cancelled and refunded orders left out).
    static let models: ModelSet = {
        let shop = DemoShop.generate()
        let skipped = Set(shop.cancelledOrderIDs + shop.refundedOrderIDs)
        var builder = SnapshotBuilder(asOf: shop.settings.lastDay.addingTimeInterval(86_400))
        for product in shop.products { builder.add(product: product) }
        for customer in shop.customers { builder.add(customer: customer) }
        for demoOrder in shop.orders where !skipped.contains(demoOrder.order.id) {
            let order = demoOrder.order
            for line in demoOrder.lines {
                builder.add(
                    line: .init(
                        orderID: order.id, customerID: order.customerID,
                        orderedAt: Int64(order.createdAt.timeIntervalSince1970), sku: line.sku,
                        productName: line.productName, quantity: Int32(line.quantity), unitPrice: line.unitPrice.units))
            }
        }
        return ModelSet.train(on: builder.build(), trainedAt: Date(timeIntervalSince1970: 0))
    }()

    @Test("shows an anonymous visitor and three customers, each placement with reasons")
    func showcase() {
        let text = DemoPlacements.showcase(models: Self.models, rules: MerchandisingRules())
        print(text)
        #expect(text.contains("Cast-Iron Care Kit — Often bought together with the Lodge Cast-Iron Skillet 10.25 in"))
        #expect(text.contains("A coffee drinker"))
        #expect(text.contains("A recent raised-bed buyer"))
        #expect(text.contains("email.post_purchase:"))
        #expect(text.contains("Time to restock"))
        #expect(!text.contains("Wellness & pregnancy"))
    }
}
