import Foundation
import RegularsData

/// Everything the ranker knows at one moment: the candidate models trained on the orders before it and the
/// item and customer statistics; it turns a customer into candidates and their feature rows.
struct RankerContext: Sendable {
    let history: PurchaseHistory
    let tifu: TIFUKNNModel
    let ease: EASEModel
    let trending: TrendingModel
    let items: ItemStatistics
    let customers: CustomerStatistics
    let settings: RankerCandidates
    /// Whether the last-year features carry values (`RankerModel.Settings.lastYearFeatures`).
    let lastYear: Bool
    /// Each product's rank among recent bestsellers (`rankCap + 1` past the cap).
    let trendRank: [Float]
    /// The products EASE gives no score, in index order.
    let easeUncovered: [ProductIndex]

    static let featureNames = [
        "tifu.score", "tifu.rank", "tifu.rankNew", "ease.score", "ease.rank", "ease.rankNew", "trend.score",
        "trend.rank", "sources", "owned", "ci.orders", "ci.daysSince", "ci.gap", "ci.dueItem", "ci.duePersonal",
        "ci.orderShare", "ci.daysSinceFirst", "i.buyers7", "i.buyers30", "i.buyers90", "i.buyersAll", "i.trend",
        "i.repeatShare", "i.medianGap", "i.price", "i.buyersLastYear", "i.lastYearShare", "i.ageDays",
        "c.orders", "c.daysSinceLast", "c.daysSinceFirst", "c.gap", "c.basket", "c.distinct", "c.ordersLastYear",
        "ci.lastYear",
    ]
    static var featureCount: Int { featureNames.count }

    init(snapshot: Snapshot, before asOf: Int64, settings: CollaborativeRecommender.Settings) {
        let history = PurchaseHistory(snapshot: snapshot, before: asOf, halfLifeDays: settings.halfLifeDays)
        self.history = history
        tifu = TIFUKNNModel.train(on: history, settings: settings.tifu)
        // EASE keeps its own recency weighting: a short half-life serves the new-products list best.
        let easeHistory =
            settings.ease.halfLifeDays == settings.halfLifeDays
            ? history : PurchaseHistory(snapshot: snapshot, before: asOf, halfLifeDays: settings.ease.halfLifeDays)
        ease = EASEModel.train(on: easeHistory, settings: settings.ease)
        trending = TrendingModel.train(on: history, settings: settings.trending)
        items = ItemStatistics(history: history)
        customers = CustomerStatistics(history: history)
        self.settings = settings.candidates
        lastYear = settings.ranker.lastYearFeatures
        var trendRank = [Float](repeating: Float(settings.candidates.rankCap + 1), count: history.productCount)
        for (r, entry) in trending.ranking.prefix(settings.candidates.rankCap).enumerated() {
            trendRank[Int(entry.product)] = Float(r + 1)
        }
        self.trendRank = trendRank
        let ease = ease
        easeUncovered = (0..<history.productCount).filter { ease.local[$0] < 0 }.map { ProductIndex($0) }
    }

    /// The candidates of `customer` (own products only when `includeOwn`) with one row of `featureCount`
    /// features each, row-major, with working arrays of its own.
    func candidates(for customer: CustomerIndex, includeOwn: Bool) -> (
        products: [ProductIndex], owned: [Bool], rows: [Float]
    ) {
        var scratch = makeScratch()
        return candidates(for: customer, includeOwn: includeOwn, scratch: &scratch)
    }

    func makeScratch() -> RankerScratch {
        RankerScratch(
            productCount: history.productCount, customerCount: history.customerCount, rankCap: settings.rankCap)
    }

    /// The candidates of `customer`, working in `scratch` (clean on entry and on return). Only the products some
    /// source scores are visited, never the whole catalog.
    func candidates(for customer: CustomerIndex, includeOwn: Bool, scratch: inout RankerScratch) -> (
        products: [ProductIndex], owned: [Bool], rows: [Float]
    ) {
        let n = history.productCount
        tifu.addScores(
            customer: customer, into: &scratch.tifu, listed: &scratch.listed, touched: &scratch.touched,
            neighbours: &scratch.neighbours)
        let easeCovered = ease.coveredScores(customer: customer)
        let row = history.row(customer)
        for at in row { scratch.owned[Int(history.items[at])] = true }
        // Products EASE does not cover score as low as its lowest score (and never below 0).
        var minEase: Float = 0
        for score in easeCovered { minEase = min(minEase, score) }
        func easeScore(_ p: Int) -> Float {
            let k = ease.local[p]
            return k >= 0 ? easeCovered[Int(k)] : minEase
        }

        let cap = settings.rankCap
        // Dense ranks (1 = best; `cap + 1` beyond the cap or without a score) among all products and among those
        // the customer never bought, from one list: the best `cap + owned` overall hold the best `cap` of both.
        // Products scored 0 are unranked.
        let listLength = cap + row.count
        var tifuScored: [ScoredProduct] = []
        tifuScored.reserveCapacity(scratch.touched.count)
        for product in scratch.touched where scratch.tifu[Int(product)] != 0 {
            tifuScored.append(ScoredProduct(product: product, score: scratch.tifu[Int(product)]))
        }
        let tifuList = TopK.best(of: tifuScored, limit: listLength)
        var easeScored: [ScoredProduct] = []
        easeScored.reserveCapacity(easeCovered.count)
        for (k, score) in easeCovered.enumerated() where score != 0 {
            easeScored.append(ScoredProduct(product: ease.products[k], score: score))
        }
        var easeList = TopK.best(of: easeScored, limit: listLength)
        // The uncovered products all score `minEase`: they tie below every covered score, lowest index first,
        // so they can enter only if the first of them would.
        if minEase != 0, let first = easeUncovered.first,
            easeList.count < listLength || !TopK.worse(ScoredProduct(product: first, score: minEase), easeList.last!)
        {
            easeList = TopK.best(
                of: easeList + easeUncovered.map { ScoredProduct(product: $0, score: minEase) }, limit: listLength)
        }
        scratch.rank(tifuList, cap: cap, ease: false)
        scratch.rank(easeList, cap: cap, ease: true)

        // How many sources propose each product; `products` lists those with at least one.
        var products: [ProductIndex] = []
        func add(_ p: Int) { scratch.propose(p, into: &products) }
        if includeOwn {
            let own: [ProductIndex] = row.map { history.items[$0] }.sorted {
                (a: ProductIndex, b: ProductIndex) -> Bool in
                let sa = scratch.tifu[Int(a)], sb = scratch.tifu[Int(b)]
                return sa != sb ? sa > sb : a < b
            }
            for p in own.prefix(settings.own) { add(Int(p)) }
        }
        // A source's best products the customer never bought: ranks past the cap are all `cap + 1`, so a source
        // asked for more than the cap proposes every product.
        func proposeNew(_ list: [ScoredProduct], ease: Bool, _ count: Int) {
            let limit = Float(count)
            func rankNew(_ p: Int) -> Float { ease ? scratch.easeRankNew[p] : scratch.tifuRankNew[p] }
            if count > cap {
                for p in 0..<n where rankNew(p) <= limit { add(p) }
            } else {
                for entry in list where rankNew(Int(entry.product)) <= limit { add(Int(entry.product)) }
            }
        }
        proposeNew(tifuList, ease: false, settings.tifu)
        proposeNew(easeList, ease: true, settings.ease)
        var trendCount = 0
        for entry in trending.ranking where trendCount < settings.trending {
            if scratch.owned[Int(entry.product)] { continue }
            add(Int(entry.product))
            trendCount += 1
        }
        products.sort()

        // The customer's orders in the same 30 days one year earlier.
        let t = history.asOf
        var lastYearProducts = Set<ProductIndex>()
        let snapshot = history.snapshot
        for order in history.orders(of: customer)
        where lastYear && snapshot.orderTime[order] >= t - 365 * DayNumber.seconds
            && snapshot.orderTime[order] < t - 335 * DayNumber.seconds
        {
            for line in snapshot.lines(of: order) { lastYearProducts.insert(snapshot.lineProduct[line]) }
        }

        let c = Int(customer)
        let width = Self.featureCount
        var rows = [Float](repeating: 0, count: products.count * width)
        var ownedOut = [Bool]()
        ownedOut.reserveCapacity(products.count)
        rows.withUnsafeMutableBufferPointer { out in
            var cursor = 0
            @inline(__always) func put(_ value: Float) {
                out[cursor] = value
                cursor += 1
            }
            for product in products {
                let p = Int(product)
                var orders: Float = 0, since: Float = -1, gap: Float = -1, dueItem: Float = -1, duePersonal: Float = -1
                var sinceFirst: Float = -1
                if scratch.owned[p], let at = history.position(customer: customer, product: product) {
                    orders = Float(history.orderCounts[at])
                    since = Float(t - history.lastTime[at]) / Float(DayNumber.interval)
                    sinceFirst = Float(t - history.firstTime[at]) / Float(DayNumber.interval)
                    if orders >= 2 { gap = (sinceFirst - since) / (orders - 1) }
                    if items.medianGapDays[p] > 0 { dueItem = since / items.medianGapDays[p] }
                    if gap > 0 { duePersonal = since / gap }
                }
                // Models: scores, ranks and how many sources proposed the product.
                put(scratch.tifu[p]); put(scratch.tifuRank[p]); put(scratch.tifuRankNew[p])
                put(easeScore(p)); put(scratch.easeRank[p]); put(scratch.easeRankNew[p])
                put(trending.scores[p]); put(trendRank[p]); put(scratch.sources[p])
                // The customer's own history with the product.
                put(scratch.owned[p] ? 1 : 0); put(orders); put(since); put(gap); put(dueItem); put(duePersonal)
                put(customers.orders[c] > 0 ? orders / customers.orders[c] : 0); put(sinceFirst)
                // The product.
                put(items.buyers7[p]); put(items.buyers30[p]); put(items.buyers90[p]); put(items.buyersAll[p])
                put((items.buyers30[p] + 1) / (items.buyers90[p] / 3 + 1)); put(items.repeatShare[p])
                put(items.medianGapDays[p]); put(items.price[p]); put(lastYear ? items.buyersLastYear[p] : 0)
                put(lastYear ? items.buyersLastYear[p] / (items.buyersAll[p] + 1) : 0); put(items.ageDays[p])
                // The customer.
                put(customers.orders[c]); put(customers.daysSinceLastOrder[c]); put(customers.daysSinceFirstOrder[c])
                put(customers.meanGapDays[c]); put(customers.basketSize[c]); put(customers.distinctProducts[c])
                put(lastYear ? customers.ordersLastYear[c] : 0); put(lastYearProducts.contains(product) ? 1 : 0)
                ownedOut.append(scratch.owned[p])
            }
            precondition(cursor == out.count, "one value per feature name")
        }
        scratch.clean(owned: row.map { history.items[$0] }, ranked: tifuList + easeList, proposed: products)
        return (products, ownedOut, rows)
    }
}
