import Foundation
import RegularsData

extension NextStepModel {
    /// A next step a customer has not taken yet, with when to reach out.
    public struct Upcoming: Sendable, Hashable, Codable {
        public var product: ProductIndex
        /// The purchase it follows.
        public var after: ProductIndex
        public var afterDate: Date
        /// `afterDate` plus the median lag.
        public var expectedDate: Date
        /// A few days (`leadDays`) before the expected date, not before the lag's 25th percentile.
        public var reachOutDate: Date
        public var medianLagDays: Float
        /// The step's uplift times how well today fits its timing (1 between `reachOutDate` and the lag's
        /// 75th percentile, falling linearly to 0 before and after).
        public var score: Float
    }

    /// What the customer's recent purchases (within `maximumLagDays` before the model's `asOf`) lead to next,
    /// best first, one entry per product.
    public func upcoming(for customer: CustomerIndex, asOf date: Date? = nil, limit: Int) -> [Upcoming] {
        let c = Int(customer)
        guard c >= 0, c + 1 < recentStart.count else { return [] }
        let purchases = (Int(recentStart[c])..<Int(recentStart[c + 1])).map {
            (product: recentProduct[$0], date: Date(timeIntervalSince1970: TimeInterval(recentTime[$0])))
        }
        return upcoming(after: purchases, asOf: date, limit: limit)
    }

    /// What `purchases` (any customer's, e.g. from a live order feed) lead to next as of `date` (default: the
    /// model's `asOf`), best first; a step already bought at or after its anchor purchase is left out.
    public func upcoming(
        after purchases: [(product: ProductIndex, date: Date)], asOf date: Date? = nil, limit: Int
    ) -> [Upcoming] {
        let now = date ?? asOf
        // The latest purchase of each product is the one whose next step is still ahead: sorted by product, then
        // newest first, the first of each product.
        var latest: [(product: ProductIndex, date: Date)] = []
        for purchase in purchases.filter({ $0.date <= now }).sorted(by: {
            $0.product != $1.product ? $0.product < $1.product : $0.date > $1.date
        }) where latest.last?.product != purchase.product {
            latest.append(purchase)
        }
        // Which products were bought, and when last: most steps lead to a product the customer has not bought, and
        // a miss costs one probe here where a binary search over `latest` cost seven unpredictable branches.
        var bought = ProductSlots(count: latest.count)
        for (i, purchase) in latest.enumerated() {
            bought[bought.slot(of: purchase.product) { latest[Int($0)].product }] = Int32(i)
        }
        func latestDate(of product: ProductIndex) -> Date? {
            let at = bought[bought.slot(of: product) { latest[Int($0)].product }]
            return at < 0 ? nil : latest[Int(at)].date
        }
        // Every step with a positive score, in the order anchors and steps are visited: its product and score, and
        // where its anchor and step are, to build the few that are returned.
        var found: [(product: ProductIndex, score: Float, anchor: Int32, step: Int32)] = []
        for (a, (anchor, anchorDate)) in latest.enumerated() {
            let elapsed = Float(now.timeIntervalSince(anchorDate) / DayNumber.interval)
            for k in steps.row(anchor) {
                // The timing first: it is arithmetic, and most steps of an older purchase are past their window,
                // so the search of the purchases below runs for few of them.
                let fit = fit(elapsed: elapsed, step: k)
                let score = steps.score[k] * fit
                guard fit > 0, score > 0 else { continue }
                let product = steps.neighbour[k]
                if let bought = latestDate(of: product), bought >= anchorDate { continue }
                found.append((product, score, Int32(a), Int32(k)))
            }
        }
        // Per product the best score wins, the first seen among equals.
        var best = ProductSlots(count: found.count)
        var products: [Int] = []  // the slot of each product, in the order first seen
        for (i, entry) in found.enumerated() {
            let at = best.slot(of: entry.product) { found[Int($0)].product }
            if best[at] < 0 { products.append(at) }
            if best[at] < 0 || entry.score > found[Int(best[at])].score { best[at] = Int32(i) }
        }
        // The best `limit` selected, then sorted (TopK.best), rather than every product sorted.
        let scored = products.map {
            ScoredProduct(product: found[Int(best[$0])].product, score: found[Int(best[$0])].score)
        }
        return TopK.best(of: scored, limit: limit).map { chosen in
            let step = found[Int(best[best.slot(of: chosen.product) { found[Int($0)].product }])], k = Int(step.step)
            let (anchor, anchorDate) = latest[Int(step.anchor)]
            let lag = Quartiles(p25: lagP25Days[k], median: lagMedianDays[k], p75: lagP75Days[k])
            let reachOut = max(lag.p25, lag.median - settings.leadDays)
            return Upcoming(
                product: step.product, after: anchor, afterDate: anchorDate,
                expectedDate: anchorDate.addingTimeInterval(TimeInterval(lag.median) * DayNumber.interval),
                reachOutDate: anchorDate.addingTimeInterval(TimeInterval(reachOut) * DayNumber.interval),
                medianLagDays: lag.median, score: step.score)
        }
    }

    /// How well `elapsed` days after the anchor purchase fits step `k`'s timing: 1 between the reach-out day and
    /// the lag's 75th percentile, falling linearly to 0 before and after.
    private func fit(elapsed: Float, step k: Int) -> Float {
        let lag = Quartiles(p25: lagP25Days[k], median: lagMedianDays[k], p75: lagP75Days[k])
        let reachOut = max(lag.p25, lag.median - settings.leadDays)
        let tail = max(lag.spread, settings.leadDays)
        return elapsed < reachOut
            ? max(0, elapsed / max(reachOut, 1))
            : elapsed <= lag.p75 ? 1 : max(0, 1 - (elapsed - lag.p75) / tail)
    }

    /// `upcoming(for:asOf:limit:)` as explained scores for the recommender.
    public func recommend(
        for customer: CustomerIndex, limit: Int, asOf date: Date? = nil, excluding: Set<ProductIndex> = []
    ) -> [ExplainedScore] {
        upcoming(for: customer, asOf: date, limit: limit + excluding.count)
            .filter { !excluding.contains($0.product) }
            .prefix(max(0, limit))
            .map {
                ExplainedScore(
                    product: $0.product, score: $0.score, anchor: $0.after,
                    evidence: .nextStep(after: $0.after, medianLagDays: $0.medianLagDays))
            }
    }
}
