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
    }

    /// The candidates of `customer` (own products only when `includeOwn`) with one row of `featureCount`
    /// features each, row-major.
    func candidates(for customer: CustomerIndex, includeOwn: Bool) -> (
        products: [ProductIndex], owned: [Bool], rows: [Float]
    ) {
        let n = history.productCount
        let tifuScores = tifu.scores(customer: customer)
        var easeScores = ease.scores(customer: customer)
        let row = history.row(customer)
        var owned = [Bool](repeating: false, count: n)
        for at in row { owned[Int(history.items[at])] = true }
        var minEase: Float = 0
        for p in 0..<n where easeScores[p] > -.infinity { minEase = min(minEase, easeScores[p]) }
        for p in 0..<n where easeScores[p] == -.infinity { easeScores[p] = minEase }

        let cap = settings.rankCap
        // Dense ranks (1 = best; `cap + 1` beyond the cap or without a score) among all products and among those
        // the customer never bought, from one pass: the best `cap + owned` overall hold the best `cap` of both.
        func ranks(_ scores: [Float]) -> (all: [Float], new: [Float]) {
            var top = TopK(limit: cap + row.count)
            for p in 0..<n where scores[p] != 0 && scores[p] > -.infinity { top.offer(ProductIndex(p), scores[p]) }
            var all = [Float](repeating: Float(cap + 1), count: n), new = all
            var rankNew = 0
            for (r, entry) in top.sorted().enumerated() {
                let p = Int(entry.product)
                if r < cap { all[p] = Float(r + 1) }
                if !owned[p], rankNew < cap {
                    rankNew += 1
                    new[p] = Float(rankNew)
                }
            }
            return (all, new)
        }
        let (tifuRank, tifuRankNew) = ranks(tifuScores)
        let (easeRank, easeRankNew) = ranks(easeScores)

        // How many sources propose each product; `products` lists those with at least one.
        var sources = [Float](repeating: 0, count: n)
        var products: [ProductIndex] = []
        func add(_ p: Int) {
            if sources[p] == 0 { products.append(ProductIndex(p)) }
            sources[p] += 1
        }
        if includeOwn {
            let own: [ProductIndex] = row.map { history.items[$0] }.sorted {
                (a: ProductIndex, b: ProductIndex) -> Bool in
                let sa = tifuScores[Int(a)], sb = tifuScores[Int(b)]
                return sa != sb ? sa > sb : a < b
            }
            for p in own.prefix(settings.own) { add(Int(p)) }
        }
        for p in 0..<n where tifuRankNew[p] <= Float(settings.tifu) { add(p) }
        for p in 0..<n where easeRankNew[p] <= Float(settings.ease) { add(p) }
        var trendCount = 0
        for entry in trending.ranking where trendCount < settings.trending {
            if owned[Int(entry.product)] { continue }
            add(Int(entry.product))
            trendCount += 1
        }
        products.sort()
        var trendRank = [Float](repeating: Float(cap + 1), count: n)
        for (r, entry) in trending.ranking.prefix(cap).enumerated() { trendRank[Int(entry.product)] = Float(r + 1) }

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
                if owned[p], let at = history.position(customer: customer, product: product) {
                    orders = Float(history.orderCounts[at])
                    since = Float(t - history.lastTime[at]) / Float(DayNumber.interval)
                    sinceFirst = Float(t - history.firstTime[at]) / Float(DayNumber.interval)
                    if orders >= 2 { gap = (sinceFirst - since) / (orders - 1) }
                    if items.medianGapDays[p] > 0 { dueItem = since / items.medianGapDays[p] }
                    if gap > 0 { duePersonal = since / gap }
                }
                // Models: scores, ranks and how many sources proposed the product.
                put(tifuScores[p]); put(tifuRank[p]); put(tifuRankNew[p])
                put(easeScores[p]); put(easeRank[p]); put(easeRankNew[p])
                put(trending.scores[p]); put(trendRank[p]); put(sources[p])
                // The customer's own history with the product.
                put(owned[p] ? 1 : 0); put(orders); put(since); put(gap); put(dueItem); put(duePersonal)
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
                ownedOut.append(owned[p])
            }
            precondition(cursor == out.count, "one value per feature name")
        }
        return (products, ownedOut, rows)
    }
}
