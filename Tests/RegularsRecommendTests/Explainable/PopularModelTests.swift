import Foundation
import RegularsData
import RegularsDemo
import RegularsTestSupport
import Testing

@testable import RegularsRecommend

@Suite("PopularModel")
struct PopularModelTests {
    typealias Order = ExplainableFixtures.Order

    /// X: c1 30 days ago, c2 60 and 30 days ago; Y: c3 1 day ago; Z: c1 90 days ago. Today is day 100.
    static let book = ExplainableFixtures.snapshot(
        [
            Order("c1", day: 70, ["X"]), Order("c2", day: 40, ["X"]), Order("c2", day: 70, ["X"]),
            Order("c3", day: 99, ["Y"]), Order("c1", day: 10, ["Z"]),
        ],
        products: [
            Product(sku: "X", title: "X", category: "A"), Product(sku: "Y", title: "Y", category: "B"),
            Product(sku: "Z", title: "Z", category: "A"),
        ],
        asOfDay: 100)

    static func index(_ sku: String) -> ProductIndex { book.productIndexBySKU[sku]! }

    @Test("counts each customer once, with the weight of their latest purchase halved every 30 days")
    func decayedDistinctBuyers() {
        let model = PopularModel.train(on: Self.book, asOf: ExplainableFixtures.date(100))
        #expect(abs(model.score[Int(Self.index("X"))] - 1.0) < 1e-5)  // 0.5 + 0.5: c2's older purchase adds nothing
        #expect(abs(model.score[Int(Self.index("Y"))] - Float(pow(0.5, 1.0 / 30))) < 1e-5)
        #expect(abs(model.score[Int(Self.index("Z"))] - 0.125) < 1e-5)
        #expect(model.top(limit: 3).map(\.product) == ["X", "Y", "Z"].map(Self.index))
    }

    @Test("the half-life is a setting: with a long one, Z's older purchase counts nearly in full")
    func halfLifeSetting() {
        var settings = PopularModel.Settings()
        settings.halfLifeDays = 10_000
        let model = PopularModel.train(on: Self.book, asOf: ExplainableFixtures.date(100), settings: settings)
        #expect(abs(model.score[Int(Self.index("X"))] - 2) < 1e-2)
        #expect(abs(model.score[Int(Self.index("Z"))] - 1) < 1e-2)
    }

    @Test("filters by category and leaves out excluded products")
    func categoryAndExclusions() {
        let model = PopularModel.train(on: Self.book, asOf: ExplainableFixtures.date(100))
        let a = Int32(Self.book.categories.firstIndex(of: "A")!)
        let inA = model.top(limit: 5, category: a)
        #expect(inA.map(\.product) == [Self.index("X"), Self.index("Z")])
        #expect(inA.allSatisfy { $0.evidence == .popular(category: a) })
        #expect(model.top(limit: 5, excluding: [Self.index("X")]).map(\.product) == [Self.index("Y"), Self.index("Z")])
        #expect(model.top(limit: 5, category: 99).isEmpty)
    }

    @Test("trending compares the last 14 days with the 76 before, smoothed by 3 pseudo-buyers")
    func trendingRatio() {
        // T: 4 buyers in the last 14 days, none before. S: 2 recent buyers, 19 in the 76 days before.
        var orders: [Order] = (0..<4).map { Order("t\($0)", day: 95, ["T"]) }
        orders += (0..<2).map { Order("s\($0)", day: 95, ["S"]) }
        orders += (0..<19).map { Order("r\($0)", day: 30 + Double($0), ["S"]) }
        let snapshot = ExplainableFixtures.snapshot(orders, asOfDay: 100)
        let model = PopularModel.train(on: snapshot, asOf: ExplainableFixtures.date(100))
        let t = snapshot.productIndexBySKU["T"]!
        let s = snapshot.productIndexBySKU["S"]!
        #expect(abs(model.trend[Int(t)] - 7.0 / 3.0) < 1e-5)
        #expect(abs(model.trend[Int(s)] - 5.0 / 6.5) < 1e-5)  // expected 19 × 14 / 76 = 3.5 recent buyers
        let trending = model.trending(limit: 5)
        #expect(trending.map(\.product) == [t])
        #expect(trending.first?.evidence == .trending(category: nil))
    }

    @Test("on the demo shop, gift sets are popular before Christmas and not at the end of June")
    func demoSeasonality() {
        let snapshot = ExplainableFixtures.demoSnapshot
        let giftSets = Set(DemoShop.GroundTruth.giftSets.map(ExplainableFixtures.demoProduct))
        let december = PopularModel.train(on: snapshot, asOf: Fixtures.day("2024-12-15"))
        let june = PopularModel.train(on: snapshot, asOf: snapshot.asOf)
        #expect(december.trending(limit: 5).contains { giftSets.contains($0.product) })
        #expect(december.top(limit: 5).contains { giftSets.contains($0.product) })
        #expect(!june.top(limit: 20).contains { giftSets.contains($0.product) })
        let garden = Int32(snapshot.categories.firstIndex(of: "Garden")!)
        let gardenTop = june.top(limit: 5, category: garden)
        #expect(gardenTop.count == 5)
        #expect(gardenTop.allSatisfy { snapshot.products[Int($0.product)].category == garden })
    }
}
