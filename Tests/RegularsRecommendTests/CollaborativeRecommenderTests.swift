import Foundation
import RegularsData
import Testing

@testable import RegularsRecommend

@Suite("Collaborative recommender")
struct CollaborativeRecommenderTests {
    /// 60 customers in 3 groups; each orders every 10 days for 300 days: their group's staple `S<g>` every time,
    /// plus two fillers `F<k>` drawn from a fixed sequence.
    static func shop() -> Snapshot {
        var builder = SnapshotBuilder(asOf: asOf)
        var random = SeededRandom(seed: 42)
        for customer in 0..<60 {
            let group = customer % 3
            for visit in 0..<30 {
                let at = TinyShop.start + Int64(visit * 10 + customer % 7) * 86_400
                let order = "o\(customer)-\(visit)"
                var skus = ["S\(group)"]
                skus.append("F\(random.next() % 40)")
                skus.append("F\(random.next() % 40)")
                for sku in Set(skus) {
                    builder.add(line: .init(orderID: order, customerID: "c\(customer)", orderedAt: at, sku: sku))
                }
            }
        }
        return builder.build()
    }

    static let asOf = Date(timeIntervalSince1970: TimeInterval(TinyShop.start + 307 * 86_400))

    @Test("puts each customer's staple first and never repeats history when asked not to")
    func staplesFirst() {
        let snapshot = Self.shop()
        var settings = CollaborativeRecommender.Settings()
        settings.ranker.trees.trees = 30
        settings.ranker.trees.minLeafRows = 5
        settings.ranker.negativeSampling = 1
        let model = CollaborativeRecommender.train(on: snapshot, asOf: Self.asOf, settings: settings)
        var stapleFirst = 0
        for customer in 0..<60 {
            let index = snapshot.customerIndexByID["c\(customer)"]!
            let list = model.recommend(customer: index, limit: 5, excludeHistory: false)
            #expect(list.count == 5)
            #expect(Set(list.map(\.product)).count == 5)
            if list.first?.product == snapshot.productIndexBySKU["S\(customer % 3)"] { stapleFirst += 1 }
            let fresh = model.recommend(customer: index, limit: 5, excludeHistory: true)
            let history = model.context.history
            #expect(fresh.allSatisfy { !history.contains(customer: index, product: $0.product) })
        }
        #expect(stapleFirst >= 54)
    }
}

@Suite("Collaborative recommender, small shops")
struct CollaborativeRecommenderSmallShopTests {
    @Test("a shop with two weeks of orders still gets lists (no training window has data)")
    func tooShortForTraining() {
        let snapshot = TinyShop.snapshot([
            "a": [["P1", "P2"], ["P1"]], "b": [["P2", "P3"]], "c": [["P3"], ["P4", "P1"]],
        ])
        let model = CollaborativeRecommender.train(on: snapshot, asOf: TinyShop.asOf)
        let a = snapshot.customerIndexByID["a"]!
        let list = model.recommend(customer: a, limit: 3, excludeHistory: false)
        #expect(list.count == 3)
        let fresh = model.recommend(customer: a, limit: 3, excludeHistory: true)
        #expect(
            Set(fresh.map(\.product)).isDisjoint(with: [
                snapshot.productIndexBySKU["P1"]!, snapshot.productIndexBySKU["P2"]!,
            ]))
        #expect(fresh.count == 2)
    }
}
