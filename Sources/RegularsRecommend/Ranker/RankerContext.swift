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
        let easeHistory = settings.ease.halfLifeDays == settings.halfLifeDays
            ? history : PurchaseHistory(snapshot: snapshot, before: asOf, halfLifeDays: settings.ease.halfLifeDays)
        ease = EASEModel.train(on: easeHistory, settings: settings.ease)
        trending = TrendingModel.train(on: history, settings: settings.trending)
        items = ItemStatistics(history: history)
        customers = CustomerStatistics(history: history)
        self.settings = settings.candidates
    }

    /// The candidates of `customer` (own products only when `includeOwn`) with one row of `featureCount`
    /// features each, row-major.
    func candidates(for customer: CustomerIndex, includeOwn: Bool) -> (products: [ProductIndex], owned: [Bool], rows: [Float]) {
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
        func ranks(_ scores: [Float], skipOwned: Bool) -> [Int32: Int] {
            var top = TopK(limit: cap)
            for p in 0..<n where scores[p] != 0 && scores[p] > -.infinity {
                if skipOwned && owned[p] { continue }
                top.offer(ProductIndex(p), scores[p])
            }
            var out: [Int32: Int] = [:]
            for (r, entry) in top.sorted().enumerated() { out[entry.product] = r + 1 }
            return out
        }
        let tifuRank = ranks(tifuScores, skipOwned: false), tifuRankNew = ranks(tifuScores, skipOwned: true)
        let easeRank = ranks(easeScores, skipOwned: false), easeRankNew = ranks(easeScores, skipOwned: true)

        var sources = [ProductIndex: Float]()
        func propose(_ ranking: [Int32: Int], limit: Int) {
            for (p, r) in ranking where r <= limit { sources[p, default: 0] += 1 }
        }
        if includeOwn {
            let own: [ProductIndex] = row.map { history.items[$0] }.sorted { (a: ProductIndex, b: ProductIndex) -> Bool in
                let sa = tifuScores[Int(a)], sb = tifuScores[Int(b)]
                return sa != sb ? sa > sb : a < b
            }
            for p in own.prefix(settings.own) { sources[p, default: 0] += 1 }
        }
        propose(tifuRankNew, limit: settings.tifu)
        propose(easeRankNew, limit: settings.ease)
        var trendCount = 0
        for entry in trending.ranking where trendCount < settings.trending {
            if owned[Int(entry.product)] { continue }
            sources[entry.product, default: 0] += 1
            trendCount += 1
        }
        var trendRank = [Int32: Int]()
        for (r, entry) in trending.ranking.prefix(cap).enumerated() { trendRank[entry.product] = r + 1 }

        // The customer's orders in the same 30 days one year earlier.
        let t = history.asOf
        var lastYear = Set<ProductIndex>()
        let snapshot = history.snapshot
        for order in history.orders(of: customer)
        where snapshot.orderTime[order] >= t - 365 * 86_400 && snapshot.orderTime[order] < t - 335 * 86_400 {
            for line in snapshot.lines(of: order) { lastYear.insert(snapshot.lineProduct[line]) }
        }

        let products = sources.keys.sorted()
        let c = Int(customer)
        var rows = [Float]()
        rows.reserveCapacity(products.count * Self.featureCount)
        var ownedOut = [Bool]()
        for product in products {
            let p = Int(product)
            let position = history.position(customer: customer, product: product)
            var orders: Float = 0, since: Float = -1, gap: Float = -1, dueItem: Float = -1, duePersonal: Float = -1
            var sinceFirst: Float = -1
            if let at = position {
                orders = Float(history.orderCounts[at])
                since = Float(t - history.lastTime[at]) / 86_400
                sinceFirst = Float(t - history.firstTime[at]) / 86_400
                if orders >= 2 { gap = (sinceFirst - since) / (orders - 1) }
                if items.medianGapDays[p] > 0 { dueItem = since / items.medianGapDays[p] }
                if gap > 0 { duePersonal = since / gap }
            }
            let cap1 = Float(cap + 1)
            func rank(_ ranking: [Int32: Int]) -> Float { ranking[product].map(Float.init) ?? cap1 }
            let modelFeatures: [Float] = [
                tifuScores[p], rank(tifuRank), rank(tifuRankNew), easeScores[p], rank(easeRank), rank(easeRankNew),
                trending.scores[p], rank(trendRank), sources[product]!,
            ]
            let orderShare = customers.orders[c] > 0 ? orders / customers.orders[c] : 0
            let historyFeatures: [Float] = [
                owned[p] ? 1 : 0, orders, since, gap, dueItem, duePersonal, orderShare, sinceFirst,
            ]
            let trend = (items.buyers30[p] + 1) / (items.buyers90[p] / 3 + 1)
            let lastYearShare = items.buyersLastYear[p] / (items.buyersAll[p] + 1)
            let itemFeatures: [Float] = [
                items.buyers7[p], items.buyers30[p], items.buyers90[p], items.buyersAll[p], trend,
                items.repeatShare[p], items.medianGapDays[p], items.price[p], items.buyersLastYear[p], lastYearShare,
                items.ageDays[p],
            ]
            let customerFeatures: [Float] = [
                customers.orders[c], customers.daysSinceLastOrder[c], customers.daysSinceFirstOrder[c],
                customers.meanGapDays[c], customers.basketSize[c], customers.distinctProducts[c],
                customers.ordersLastYear[c], lastYear.contains(product) ? 1 : 0,
            ]
            rows += modelFeatures
            rows += historyFeatures
            rows += itemFeatures
            rows += customerFeatures
            ownedOut.append(owned[p])
        }
        return (products, ownedOut, rows)
    }
}
