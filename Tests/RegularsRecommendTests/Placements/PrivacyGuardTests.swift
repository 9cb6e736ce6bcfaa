import Foundation
import RegularsData
import RegularsDemo
import Testing

@testable import RegularsRecommend

@Suite("Privacy guard")
struct PrivacyGuardTests {
    typealias Truth = DemoShop.GroundTruth

    static let sensitiveTitles: [String] = PlacementFixtures.snapshot.products.filter(\.sensitive).map(\.title)

    static func namesSensitive(_ reason: String) -> Bool {
        sensitiveTitles.contains { reason.contains($0) } || reason.contains(Truth.sensitiveCategory)
    }

    @Test("the demo marks the wellness category sensitive, and some customers bought from it")
    func fixture() {
        #expect(Self.sensitiveTitles.count > 3)
        #expect(PlacementFixtures.sensitiveBuyers.count > 10)
    }

    @Test("no reason names a sensitive item, for customers who bought one, in any placement")
    func reasonsNeverNameSensitiveItems() throws {
        let sensitive = PlacementFixtures.snapshot.products.filter(\.sensitive).map(\.sku)
        for customer in PlacementFixtures.sensitiveBuyers.prefix(40) {
            for placement in Placement.allCases {
                let list = try PlacementFixtures.list(
                    .init(
                        placement: placement, customer: customer, cart: [sensitive[0]], session: [sensitive[1]],
                        limit: 10))
                for item in list.items {
                    #expect(!Self.namesSensitive(item.reason), "\(item.reason)")
                    if let anchor = item.signal.anchor {
                        #expect(!PlacementFixtures.snapshot.products[Int(anchor)].sensitive)
                    }
                }
            }
        }
    }

    @Test("e-mail placements never contain a sensitive item")
    func emailsHaveNoSensitiveItems() throws {
        let customers = PlacementFixtures.sensitiveBuyers + PlacementFixtures.busiestCustomers.prefix(20)
        for customer in customers {
            for placement in Placement.allCases where placement.isEmail {
                let list = try PlacementFixtures.list(.init(placement: placement, customer: customer, limit: 12))
                #expect(list.items.allSatisfy { !PlacementFixtures.isSensitive($0.sku) }, "\(placement)")
            }
        }
    }

    @Test("a sensitive product pinned to an e-mail is still left out")
    func sensitivePinInEmail() throws {
        let sensitive = PlacementFixtures.snapshot.products.first { $0.sensitive && ($0.inventory ?? 1) > 0 }!.sku
        var rules = MerchandisingRules()
        rules.pins = [.init(sku: sensitive, placement: .emailLoyal, slot: 1)]
        let customer = PlacementFixtures.busiestCustomers[0]
        let list = try PlacementFixtures.list(.init(placement: .emailLoyal, customer: customer), rules: rules)
        #expect(!list.items.contains { $0.sku == sensitive })
        #expect(list.events.contains { $0.sku == sensitive && $0.detail.contains("sensitive") })
    }

    @Test("an opted-out customer's list equals the anonymous list, in every placement")
    func optedOut() throws {
        let id = PlacementFixtures.busiestCustomers[1]
        let models = PlacementFixtures.optingOut(id)
        let recommender = Recommender(models: models)
        for placement in Placement.allCases {
            let request = RecommendationRequest(
                placement: placement, customer: id, product: Truth.skillet, cart: [Truth.careKit],
                session: Array(Truth.candles.prefix(2)), limit: 10)
            let personal = try recommender.recommend(request)
            let anonymous = try recommender.recommend(request.anonymous)
            #expect(personal == anonymous, "\(placement)")
            #expect(!personal.personalized)
        }
        let before = try PlacementFixtures.list(.init(placement: .home, customer: id))
        #expect(before.personalized)
        #expect(before.items != (try recommender.recommend(.init(placement: .home, customer: id))).items)
    }
}
