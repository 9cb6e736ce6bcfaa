import Foundation
import RegularsData
import RegularsDemo
import Testing

@testable import RegularsRecommend

@Suite("ComplementsModel")
struct ComplementsModelTests {
    typealias Order = ExplainableFixtures.Order

    /// Settings that make the arithmetic exact: no decay to speak of, no shrinkage, no boost, single pairs kept.
    static func plain(damping: Float) -> ComplementsModel.Settings {
        var settings = ComplementsModel.Settings()
        settings.halfLifeDays = 1e12
        settings.shrinkage = 0
        settings.damping = damping
        settings.crossCategoryBoost = 1
        settings.minimumCustomers = 1
        settings.chanceMargin = nil
        return settings
    }

    /// Five customers: {A, B}, {A, B}, {A, C}, {C}, {C}.
    static let toy = ExplainableFixtures.snapshot(
        [
            Order("c1", day: 1, ["A", "B"]), Order("c2", day: 2, ["A", "B"]), Order("c3", day: 3, ["A", "C"]),
            Order("c4", day: 4, ["C"]), Order("c5", day: 5, ["C"]),
        ], asOfDay: 10)

    static func score(_ model: ComplementsModel, _ anchor: String, _ candidate: String) -> Float? {
        let b = toy.productIndexBySKU[candidate]!
        return model.neighbours(of: toy.productIndexBySKU[anchor]!).first { $0.product == b }?.score
    }

    @Test("without damping the score is P(b | a): 2/3 for B and 1/3 for C after A")
    func conditionalProbability() {
        let model = ComplementsModel.train(
            on: Self.toy, asOf: ExplainableFixtures.date(10), settings: Self.plain(damping: 0))
        #expect(abs(Self.score(model, "A", "B")! - 2.0 / 3.0) < 1e-4)
        #expect(abs(Self.score(model, "A", "C")! - 1.0 / 3.0) < 1e-4)
        #expect(abs(Self.score(model, "C", "A")! - 1.0 / 3.0) < 1e-4)
    }

    @Test("with full damping the score is the lift: 5/3 for A → B and 5/9 for A → C")
    func lift() {
        let model = ComplementsModel.train(
            on: Self.toy, asOf: ExplainableFixtures.date(10), settings: Self.plain(damping: 1))
        #expect(abs(Self.score(model, "A", "B")! - 5.0 / 3.0) < 1e-3)
        #expect(abs(Self.score(model, "A", "C")! - 5.0 / 9.0) < 1e-3)
        #expect(model.neighbours(of: Self.toy.productIndexBySKU["A"]!).map(\.customers) == [2, 1])
    }

    @Test("a later order counts within the window, at the later-order weight, and not after it")
    func window() {
        let snapshot = ExplainableFixtures.snapshot(
            [
                Order("c1", day: 0, ["A"]), Order("c1", day: 10, ["B"]), Order("c1", day: 20, ["C"]),
                Order("c2", day: 0, ["A", "D"]),
            ], asOfDay: 30)
        var settings = Self.plain(damping: 0)
        settings.laterOrderWeight = 0.5
        let model = ComplementsModel.train(on: snapshot, asOf: ExplainableFixtures.date(30), settings: settings)
        let row = model.neighbours(of: snapshot.productIndexBySKU["A"]!)
        #expect(row.map(\.product) == ["D", "B"].map { snapshot.productIndexBySKU[$0]! })
        #expect(abs(row[0].score - 0.5) < 1e-4)  // same order: 1 of 2 anchor customers
        #expect(abs(row[1].score - 0.25) < 1e-4)  // 10 days later: half weight
    }

    @Test("a customer who buys the same pair again and again counts once")
    func distinctCustomers() {
        var orders = (0..<5).map { Order("c1", day: Double($0), ["A", "B"]) }
        orders += [Order("c2", day: 1, ["A", "C"]), Order("c3", day: 2, ["A", "C"])]
        let snapshot = ExplainableFixtures.snapshot(orders, asOfDay: 10)
        let model = ComplementsModel.train(
            on: snapshot, asOf: ExplainableFixtures.date(10), settings: Self.plain(damping: 0))
        let row = model.neighbours(of: snapshot.productIndexBySKU["A"]!)
        #expect(row.map(\.product) == ["C", "B"].map { snapshot.productIndexBySKU[$0]! })
        #expect(row.map(\.customers) == [2, 1])
        #expect(abs(row[1].score - 1.0 / 3.0) < 1e-4)
    }

    @Test("prefers a candidate from another category by the cross-category multiplier")
    func crossCategory() {
        let products = [
            Product(sku: "A", title: "A", category: "Cookware"), Product(sku: "B", title: "B", category: "Cookware"),
            Product(sku: "C", title: "C", category: "Textiles"),
        ]
        let snapshot = ExplainableFixtures.snapshot(
            [Order("c1", day: 1, ["A", "B", "C"]), Order("c2", day: 2, ["A", "B", "C"])], products: products, asOfDay: 5
        )
        var settings = Self.plain(damping: 0.5)
        settings.crossCategoryBoost = 1.5
        let model = ComplementsModel.train(on: snapshot, asOf: ExplainableFixtures.date(5), settings: settings)
        let row = model.neighbours(of: snapshot.productIndexBySKU["A"]!)
        #expect(row.first?.product == snapshot.productIndexBySKU["C"])
        #expect(abs(row[0].score / row[1].score - 1.5) < 1e-4)
    }

    @Test("a basket's complements leave out the basket and name the anchor behind each")
    func basket() {
        let model = ComplementsModel.train(
            on: Self.toy, asOf: ExplainableFixtures.date(10), settings: Self.plain(damping: 0))
        let index = { (sku: String) in Self.toy.productIndexBySKU[sku]! }
        let answer = model.complements(of: [index("A"), index("C")], limit: 5)
        #expect(answer.map(\.product) == [index("B")])
        #expect(answer.first?.anchor == index("A"))
        #expect(answer.first?.evidence == .boughtTogether(anchor: index("A")))
        #expect(model.complements(of: [index("A")], limit: 5, excluding: [index("B")]).map(\.product) == [index("C")])
    }

    @Test("on the demo shop, the skillet's complements start with the care kit and an oven mitt")
    func demoSkillet() {
        let snapshot = ExplainableFixtures.demoSnapshot
        let model = ComplementsModel.train(on: snapshot, asOf: snapshot.asOf)
        let skillet = ExplainableFixtures.demoProduct(DemoShop.GroundTruth.skillet)
        let top = model.complements(of: [skillet], limit: 3)
        let skus = top.map { ExplainableFixtures.demoSKU($0.product) }
        #expect(skus.contains(DemoShop.GroundTruth.careKit), "\(skus)")
        #expect(skus.contains { DemoShop.GroundTruth.ovenMitts.contains($0) }, "\(skus)")
        #expect(top.allSatisfy { $0.anchor == skillet && $0.evidence == .boughtTogether(anchor: skillet) })
    }
}
