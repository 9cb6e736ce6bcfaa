import Foundation
import RegularsData

/// Popular and trending products, overall and per category: the cold-start lists of the home page.
///
/// *Popular* counts distinct customers, each once per product with the weight of their latest purchase of
/// it, `0.5 ^ (ageDays / halfLifeDays)` back from `asOf` ("recency beats volume": a customer who bought
/// last week counts more than one who bought last year, and a wholesale buyer of 500 units counts once).
///
/// *Trending* compares the recent rate with the rate before it: with `r` distinct buyers in the last
/// `recentDays` and `b` in the `baselineDays - recentDays` days before, the expected recent count is
/// `e = b * recentDays / (baselineDays - recentDays)` and the trend is `(r + k) / (e + k)` with
/// `k = trendSmoothing` pseudo-buyers, so that two buyers of a rare product are not a trend.
public struct PopularModel: Sendable, Codable {
    public struct Settings: Sendable, Codable, Equatable {
        /// Half-life of a purchase's weight in the popular score, days.
        public var halfLifeDays = 30.0
        /// Purchases older than this do not count at all, days.
        public var windowDays = 365.0
        /// The recent window of the trend, days.
        public var recentDays = 14.0
        /// The whole window of the trend (the recent days included), days.
        public var baselineDays = 90.0
        /// Pseudo-buyers added to both sides of the trend ratio.
        public var trendSmoothing: Float = 3
        /// Fewest distinct recent buyers for a product to be called trending.
        public var minimumRecentBuyers = 2
        public init() {}
    }

    public let settings: Settings
    public let asOf: Date
    /// Recency-weighted distinct buyers per product (0: none in the window).
    public let score: [Float]
    /// Smoothed ratio of the recent to the earlier buying rate per product (1: steady).
    public let trend: [Float]
    /// Distinct buyers in the last `recentDays`, per product.
    public let recentBuyers: [Int32]
    /// Products with a score, best first, grouped by category: the products of category `c` are
    /// `popularByCategory[categoryStart[c] ..< categoryStart[c + 1]]`; products without a category last.
    let categoryStart: [Int32]
    let popularByCategory: [ProductIndex]
    /// Every product with a score, best first.
    let popular: [ProductIndex]
    /// Products that qualify as trending, best first.
    let trendingProducts: [ProductIndex]
    /// Category of each product (`-1`: none).
    let productCategory: [Int32]

    /// Trains on `snapshot` as if today were `asOf`. Pure; O(lines + products log products).
    public static func train(on snapshot: Snapshot, asOf: Date, settings: Settings = .init()) -> Self {
        let productCount = snapshot.productCount
        let now = Int64(asOf.timeIntervalSince1970.rounded(.down))
        let recentStart = now - DayNumber.seconds(settings.recentDays)
        let baselineStart = now - DayNumber.seconds(settings.baselineDays)
        let score = RecencyWeightedBuyers(
            snapshot, before: now, halfLifeDays: settings.halfLifeDays, windowDays: settings.windowDays
        ).count
        var recent = [Int32](repeating: 0, count: productCount)
        var earlier = [Int32](repeating: 0, count: productCount)
        // Per product, the last customer counted in each tally, so that each customer counts once.
        var seenRecent = [Int32](repeating: -1, count: productCount)
        var seenEarlier = [Int32](repeating: -1, count: productCount)
        for customer in 0..<Int32(snapshot.customerCount) {
            // Newest line first: the first time a product shows up is the customer's latest purchase of it.
            for line in snapshot.lines(ofCustomer: customer).reversed() {
                let time = snapshot.lineTime(line)
                guard time < now else { continue }
                if time < baselineStart { break }
                let p = Int(snapshot.lineProduct[line])
                if time >= recentStart {
                    if seenRecent[p] != customer {
                        seenRecent[p] = customer
                        recent[p] += 1
                    }
                } else if seenEarlier[p] != customer {
                    seenEarlier[p] = customer
                    earlier[p] += 1
                }
            }
        }
        let earlierDays = max(settings.baselineDays - settings.recentDays, 1)
        let k = settings.trendSmoothing
        var trend = [Float](repeating: 1, count: productCount)
        for p in 0..<productCount {
            let expected = Float(earlier[p]) * Float(settings.recentDays / earlierDays)
            trend[p] = (Float(recent[p]) + k) / (expected + k)
        }
        let byScore: (Int, Int) -> Bool = { a, b in score[a] != score[b] ? score[a] > score[b] : a < b }
        let popular = (0..<productCount).filter { score[$0] > 0 }.sorted(by: byScore).map { ProductIndex($0) }
        let trending = (0..<productCount)
            .filter { Int(recent[$0]) >= settings.minimumRecentBuyers && trend[$0] > 1 }
            .sorted { a, b in trend[a] != trend[b] ? trend[a] > trend[b] : byScore(a, b) }
            .map { ProductIndex($0) }

        // Group the popular list by category (a stable counting sort keeps best-first inside each group).
        let categoryCount = snapshot.categories.count
        let productCategory = snapshot.products.map(\.category)
        let slot: (ProductIndex) -> Int = { p in
            let c = Int(productCategory[Int(p)])
            return c >= 0 && c < categoryCount ? c : categoryCount
        }
        var categoryStart = [Int32](repeating: 0, count: categoryCount + 2)
        for p in popular { categoryStart[slot(p) + 1] += 1 }
        for c in 0...categoryCount { categoryStart[c + 1] += categoryStart[c] }
        var cursor = categoryStart
        var grouped = [ProductIndex](repeating: 0, count: popular.count)
        for p in popular {
            grouped[Int(cursor[slot(p)])] = p
            cursor[slot(p)] += 1
        }
        return PopularModel(
            settings: settings, asOf: asOf, score: score, trend: trend, recentBuyers: recent,
            categoryStart: categoryStart, popularByCategory: grouped, popular: popular,
            trendingProducts: trending, productCategory: productCategory)
    }
}
