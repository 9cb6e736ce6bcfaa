import Foundation
import RegularsData
import RegularsDemo
import Testing

@testable import RegularsRecommend

@Suite("Cart, checkout and product placements")
struct CheckoutPlacementTests {
    typealias Truth = DemoShop.GroundTruth

    @Test(
        "checkout for a cart with the skillet shows the care kit and an oven mitt, bought together, never the skillet"
    )
    func skilletCheckout() throws {
        let list = try PlacementFixtures.list(.init(placement: .checkout, cart: [Truth.skillet], limit: 6))
        let skus = list.items.map(\.sku)
        #expect(!skus.contains(Truth.skillet))
        let careKit = try #require(list.items.first { $0.sku == Truth.careKit })
        #expect(careKit.reason == "Often bought together with the Lodge Cast-Iron Skillet 10.25 in")
        let mitt = try #require(list.items.first { Truth.ovenMitts.contains($0.sku) })
        #expect(mitt.reason.hasPrefix("Often bought together with"))
        #expect(careKit.model == "complements")
        #expect(skus.firstIndex(of: Truth.careKit)! < 3)
    }

    @Test("a cart never gets its own items back, whoever the customer")
    func cartItemsNeverRecommended() throws {
        let cart = [Truth.skillet, Truth.careKit, Truth.ovenMitts[0]]
        for customer in [nil] + PlacementFixtures.busiestCustomers.prefix(10).map(Optional.some) {
            for placement in [Placement.cart, .checkout, .home] {
                let list = try PlacementFixtures.list(
                    .init(placement: placement, customer: customer, cart: cart, limit: 10))
                #expect(Set(list.items.map(\.sku)).isDisjoint(with: cart))
                #expect(list.items.count == 10)
            }
        }
    }

    @Test("a product page shows look-alikes and complements of the viewed product, never the product itself")
    func productPage() throws {
        let list = try PlacementFixtures.list(.init(placement: .product, product: Truth.skillet, limit: 8))
        #expect(!list.items.map(\.sku).contains(Truth.skillet))
        #expect(list.items.contains { $0.model == "similar" && $0.reason.hasPrefix("Similar to the Lodge") })
        #expect(list.items.contains { $0.sku == Truth.careKit })
    }

    @Test("every item carries exactly one non-empty reason and a model name")
    func everyItemHasAReason() throws {
        let customer = PlacementFixtures.busiestCustomers[0]
        for placement in Placement.allCases {
            let list = try PlacementFixtures.list(
                .init(placement: placement, customer: customer, product: Truth.skillet, limit: 10))
            #expect(!list.items.isEmpty, "\(placement)")
            for item in list.items {
                #expect(!item.reason.isEmpty && !item.model.isEmpty)
                #expect(!item.reason.lowercased().contains("view") && !item.reason.lowercased().contains("brows"))
            }
        }
    }

    @Test("an unknown SKU or customer is an error naming the field")
    func unknownInputs() throws {
        #expect(throws: RecommendationError(code: .unknownProduct("NOPE"), field: "cart")) {
            try PlacementFixtures.list(.init(placement: .cart, cart: ["NOPE"]))
        }
        #expect(throws: RecommendationError(code: .unknownCustomer, field: "customer")) {
            try PlacementFixtures.list(.init(placement: .home, customer: "nobody@example.com"))
        }
        let message = RecommendationError(code: .unknownProduct("NOPE"), field: "session").description
        #expect(message.contains("session") && message.contains("NOPE"))
    }
}
