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

@Suite("Collaborative recommender, candidates")
struct RankerCandidatesTests {
    @Test("one scratch reused customer after customer gives each the candidates and rows a fresh one gives")
    func scratchReuse() {
        let snapshot = CollaborativeRecommenderTests.shop()
        let end = DayNumber.exclusiveEndSeconds(CollaborativeRecommenderTests.asOf)
        var settings = CollaborativeRecommender.Settings()
        // Small caps, so that ranks past the cap, owned products and the EASE floor all occur.
        settings.candidates.rankCap = 8
        settings.candidates.tifu = 5
        settings.candidates.ease = 5
        settings.ease.maxItems = 20
        let context = RankerContext(snapshot: snapshot, before: end, settings: settings)
        var scratch = context.makeScratch()
        var seen = 0
        for customer in (0..<60).reversed() {
            let index = snapshot.customerIndexByID["c\(customer)"]!
            for includeOwn in [true, false] {
                let reused = context.candidates(for: index, includeOwn: includeOwn, scratch: &scratch)
                let fresh = context.candidates(for: index, includeOwn: includeOwn)
                #expect(reused.products == fresh.products && reused.owned == fresh.owned)
                #expect(reused.rows.elementsEqual(fresh.rows) { $0 == $1 || ($0.isNaN && $1.isNaN) })
                seen += reused.products.count
                // Each candidate's model scores and ranks are those of the models' dense score lists.
                let width = RankerContext.featureCount
                let tifu = Self.denseRanks(context.tifu.scores(customer: index), cap: 8)
                let ease = Self.denseRanks(context.ease.scores(customer: index), cap: 8)
                for (k, product) in reused.products.enumerated() {
                    let row = reused.rows[(k * width)..<((k + 1) * width)].map { $0 }
                    #expect(row[0] == tifu.scores[Int(product)] && row[1] == tifu.ranks[Int(product)])
                    #expect(row[3] == ease.scores[Int(product)] && row[4] == ease.ranks[Int(product)])
                }
            }
        }
        #expect(seen > 60 * 10)
        // Left clean: every working slot is back to its resting value.
        #expect(scratch.tifu.allSatisfy { $0 == 0 } && scratch.sources.allSatisfy { $0 == 0 })
        #expect(!scratch.listed.contains(true) && !scratch.owned.contains(true) && scratch.touched.isEmpty)
        for ranks in [scratch.tifuRank, scratch.tifuRankNew, scratch.easeRank, scratch.easeRankNew] {
            #expect(ranks.allSatisfy { $0 == 9 })
        }
    }

    /// The ranker's reading of a model's dense scores: unscored (`-infinity`) products at the lowest score (never
    /// above 0), then ranks 1… by score and index among the non-zero ones, `cap + 1` past the cap.
    static func denseRanks(_ raw: [Float], cap: Int) -> (scores: [Float], ranks: [Float]) {
        let floor = min(0, raw.filter { $0 > -.infinity }.min() ?? 0)
        let scores = raw.map { $0 == -.infinity ? floor : $0 }
        let order = scores.indices.filter { scores[$0] != 0 }.sorted {
            scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1
        }
        var ranks = [Float](repeating: Float(cap + 1), count: scores.count)
        for (r, p) in order.prefix(cap).enumerated() { ranks[p] = Float(r + 1) }
        return (scores, ranks)
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

@Suite("Ranker training, customer budget")
struct RankerBudgetTests {
    @Test("a window over budget keeps about the budget, a quarter of it to calibrate, the same ones every time")
    func budget() {
        let customers = (0..<20_000).map { CustomerIndex($0) }
        let bought = customers.map { [ProductIndex($0 % 7)] }
        let calibrating = customers.filter(RankerModel.isHeldOut).count
        let (kept, keptBought) = RankerModel.withinBudget(customers, bought, budget: 4_000, holdOut: true, seed: 3)
        let keptCalibrating = kept.filter(RankerModel.isHeldOut).count
        // Binomial draws: within five standard deviations of 4,000 and 1,000.
        #expect(abs(kept.count - keptCalibrating - 4_000) < 5 * 60)
        #expect(calibrating > 1_000 && abs(keptCalibrating - 1_000) < 5 * 30)
        #expect(zip(kept, keptBought).allSatisfy { $0.1 == [ProductIndex(Int($0.0) % 7)] })
        #expect(kept == kept.sorted())
        let again = RankerModel.withinBudget(customers, bought, budget: 4_000, holdOut: true, seed: 3)
        #expect(again.0 == kept)
        let otherWindow = RankerModel.withinBudget(customers, bought, budget: 4_000, holdOut: true, seed: 4)
        #expect(otherWindow.0 != kept)
        // Without a held-out window every customer trains; under budget nobody is dropped.
        #expect(RankerModel.withinBudget(customers, bought, budget: 4_000, holdOut: false, seed: 3).0.count < 4_400)
        let small = Array(customers.prefix(3_000))
        #expect(
            RankerModel.withinBudget(small, Array(bought.prefix(3_000)), budget: 4_000, holdOut: true, seed: 3).0
                == small)
    }
}
