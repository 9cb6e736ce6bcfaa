import Foundation
import RegularsData
import Testing

@testable import RegularsRecommend

@Suite("Home and e-mail placements for known customers")
struct PersonalPlacementTests {
    typealias Truth = DemoShop.GroundTruth
    static var snapshot: Snapshot { PlacementFixtures.snapshot }

    @Test(
        "after a raised-bed kit this spring, the post-purchase e-mail offers a soil amendment as the next step, with a date"
    )
    func postPurchaseNextStep() throws {
        let kits = Set(Truth.raisedBedKits.map(PlacementFixtures.product))
        let amendments = Set(Truth.soilAmendments)
        let asOf = Self.snapshot.asOfSeconds
        let recentKitBuyers = (0..<Int32(Self.snapshot.customerCount)).filter { c in
            Self.snapshot.lines(ofCustomer: c).contains {
                kits.contains(Self.snapshot.lineProduct[$0]) && asOf - Self.snapshot.lineTime($0) < 50 * 86_400
            }
        }.map { Self.snapshot.customers[Int($0)].id }
        #expect(!recentKitBuyers.isEmpty)
        var hits = 0
        for id in recentKitBuyers {
            let list = try PlacementFixtures.list(.init(placement: .emailPostPurchase, customer: id, limit: 8))
            if let step = list.items.first(where: { amendments.contains($0.sku) && $0.model == "next_step" }) {
                hits += 1
                #expect(step.reason.hasPrefix("Customers who bought the ") && step.reason.contains("Raised Bed"))
                #expect(step.suggestedDate != nil)
            }
        }
        #expect(hits * 2 >= recentKitBuyers.count, "\(hits) of \(recentKitBuyers.count)")
    }

    @Test("a customer lapsed for over 12 months counts as near-new in the win-back e-mail")
    func winBackNearNew() throws {
        let asOf = Self.snapshot.asOfSeconds
        let lapsed = try #require(
            (0..<Int32(Self.snapshot.customerCount)).first { c in
                let orders = Self.snapshot.orders(of: c)
                return orders.count >= 2 && asOf - Self.snapshot.orderTime[orders.upperBound - 1] > 400 * 86_400
            })
        let list = try PlacementFixtures.list(
            .init(placement: .emailWinBack, customer: Self.snapshot.customers[Int(lapsed)].id, limit: 8))
        #expect(list.items.count == 8)
        let personal: Set<String> = ["history", "replenishment", "next_step", "complements", "collaborative"]
        #expect(list.items.allSatisfy { !personal.contains($0.model) })
        #expect(list.items.contains { $0.reason.hasPrefix("New arrival") })
    }

    @Test("the loyal e-mail leads with new arrivals")
    func loyalNewArrivalsFirst() throws {
        let newArrivals = Set(ExplainableFixtures.demo.shop.newArrivalSKUs)
        let list = try PlacementFixtures.list(
            .init(placement: .emailLoyal, customer: PlacementFixtures.busiestCustomers[0], limit: 8))
        #expect(newArrivals.contains(list.items[0].sku))
        #expect(list.items[0].reason.hasPrefix("New arrival in "))
    }

    @Test("home for a coffee drinker includes a restock with the customer's own rhythm")
    func homeRestock() throws {
        let drinkers = PlacementFixtures.buyers(of: Truth.coffeeBeans[0]).prefix(40)
        let reasons = try drinkers.flatMap { id in
            try PlacementFixtures.list(.init(placement: .home, customer: id, limit: 8)).items
                .filter { $0.model == "replenishment" }.map(\.reason)
        }
        #expect(
            reasons.contains { $0.hasPrefix("Time to restock: you usually reorder every ") && $0.hasSuffix("weeks") })
    }

    /// A stand-in for the collaborative model: always proposes the care kit, then the first three products.
    struct FixedScorer: CustomerRecommender {
        func recommend(customer: CustomerIndex, limit: Int, excludeHistory: Bool) -> [ScoredProduct] {
            [ScoredProduct(product: PlacementFixtures.product(Truth.careKit), score: 9)]
                + (0..<3).map { ScoredProduct(product: ProductIndex($0), score: 1) }
        }
    }

    @Test("a personal scorer plugs into the personal source, and its picks name a purchase that leads to them")
    func pluggableScorer() throws {
        let owner = PlacementFixtures.buyers(of: Truth.skillet).first { id in
            !PlacementFixtures.buyers(of: Truth.careKit).contains(id)
        }!
        var recommender = Recommender(models: PlacementFixtures.models)
        recommender.personalScorer = FixedScorer()
        let list = try recommender.recommend(.init(placement: .home, customer: owner, limit: 5))
        let first = try #require(list.items.first)
        #expect(first.sku == Truth.careKit && first.model == "collaborative")
        #expect(first.reason.hasPrefix("Because you bought the "))
    }
}
