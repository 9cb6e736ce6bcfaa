import Foundation
import RegularsData
import RegularsDemo
import Testing

@testable import RegularsRecommend

@Suite("Home and e-mail placements for known customers")
struct PersonalPlacementTests {
    typealias Truth = DemoShop.GroundTruth
    static var snapshot: Snapshot { PlacementFixtures.snapshot }

    @Test(
        "after a spring raised-bed kit, the post-purchase e-mail offers a soil amendment as the next step, with a date"
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
                .map(\.reason)
        }
        #expect(
            reasons.contains { $0.hasPrefix("Time to restock: you usually reorder every ") && $0.hasSuffix("weeks") })
    }

    @Test("every personal pick's reason is one of the models' own links for that very pick")
    func reasonsFitThePick() throws {
        let models = PlacementFixtures.models
        let snapshot = models.snapshot
        var checked = 0
        for id in PlacementFixtures.busiestCustomers.prefix(60) {
            for placement in [Placement.home, .emailPostPurchase, .emailWinBack] {
                let list = try PlacementFixtures.list(.init(placement: placement, customer: id, limit: 10))
                let c = snapshot.customerIndexByID[id]!
                let owned = Set(snapshot.lines(ofCustomer: c).map { snapshot.lineProduct[$0] })
                let categories = Set(owned.map { snapshot.products[Int($0)].category })
                for item in list.items where item.model == "ranker" {
                    checked += 1
                    switch item.signal {
                    case .boughtBefore(let anchor):
                        #expect(owned.contains(anchor), "\(item.sku): the anchor is the customer's own purchase")
                        let link = models.complements.neighbours(of: anchor).first { $0.product == item.product }
                        #expect(
                            (link?.customers ?? 0) >= PersonalEvidence.minimumLinkCustomers,
                            "\(item.sku): '\(item.reason)' without a co-purchase link")
                    case .similar(let anchor):
                        #expect(owned.contains(anchor))
                        let neighbours = models.similar.similar(
                            to: anchor, limit: PersonalEvidence.similarPerPurchase)
                        #expect(neighbours.contains { $0.product == item.product }, "\(item.sku): not a look-alike")
                    case .restock, .buyAgain:
                        #expect(owned.contains(item.product), "\(item.sku): '\(item.reason)' but never bought")
                    case .nextStep(let after, _):
                        #expect(owned.contains(after))
                        #expect(models.nextStep.nextSteps(after: after).contains { $0.product == item.product })
                    case .favouriteCategory(let category):
                        #expect(categories.contains(category))
                        #expect(snapshot.products[Int(item.product)].category == category)
                    case .pickedForYou:
                        break
                    default:
                        Issue.record("\(item.sku): a ranked pick with a reason of another source: \(item.signal)")
                    }
                }
            }
        }
        #expect(checked > 500, "\(checked) ranked picks checked")
    }
}
