import Foundation
import RegularsData
import RegularsDemo
import Testing

@testable import RegularsRecommend

@Suite("Anonymous session recommendations")
struct SessionPlacementTests {
    typealias Truth = DemoShop.GroundTruth

    @Test("three views in one category bring that category's items first, not the global bestsellers")
    func threeViewsInOneCategory() throws {
        let views = Array(Truth.candles.prefix(3))
        let list = try PlacementFixtures.list(.init(placement: .home, session: views, limit: 8))
        let candles = PlacementFixtures.category(of: views[0])
        #expect(list.items.prefix(5).allSatisfy { PlacementFixtures.category(of: $0.sku) == candles })
        #expect(list.items.allSatisfy { $0.model != "popular" || $0.reason.contains(" in ") })
        let bestsellers = try PlacementFixtures.list(.init(placement: .home, limit: 8))
        #expect(list.items.map(\.sku) != bestsellers.items.map(\.sku))
        #expect(!list.personalized)
    }

    @Test("two views are signal enough; viewed products are not offered back by the session sources")
    func twoViews() throws {
        let views = [Truth.coffeeBeans[0], Truth.coffeeBeans[1]]
        let list = try PlacementFixtures.list(.init(placement: .home, session: views, limit: 6))
        let coffee = PlacementFixtures.category(of: views[0])
        #expect(PlacementFixtures.category(of: list.items[0].sku) == coffee)
        #expect(Set(list.items.map(\.sku)).isDisjoint(with: views))
    }

    @Test("a referral campaign naming a category brings that category's bestsellers")
    func referralCampaign() throws {
        let list = try PlacementFixtures.list(
            .init(placement: .home, referral: .init(source: "newsletter", campaign: "autumn-candles"), limit: 5))
        #expect(list.items.allSatisfy { PlacementFixtures.category(of: $0.sku) == "Candles" })
        #expect(list.items.first?.reason == "Popular in Candles this month")
    }

    @Test("without a session signal an anonymous visitor gets trending and bestsellers")
    func noSignal() throws {
        let list = try PlacementFixtures.list(.init(placement: .home, limit: 10))
        #expect(list.items.count == 10)
        #expect(list.items.allSatisfy { $0.model == "trending" || $0.model == "popular" })
    }

    @Test("the referral's words match category names, plural or not")
    func categoryHints() {
        let categories = ["Candles", "Coffee & tea", "Garden"]
        #expect(ReferralSource(source: "instagram", campaign: "candle_week").categoryHints(in: categories) == [0])
        #expect(ReferralSource(source: "google", campaign: "gardens").categoryHints(in: categories) == [2])
        #expect(ReferralSource(source: "tea").categoryHints(in: categories) == [])
    }
}
