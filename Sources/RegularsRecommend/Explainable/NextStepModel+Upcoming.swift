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
        // newest first, the first of each product. (Sorted arrays and binary searches: a request asks this for up
        // to a hundred purchases and their steps, where hashing every lookup cost more than the steps themselves.)
        var latest: [(product: ProductIndex, date: Date)] = []
        for purchase in purchases.filter({ $0.date <= now }).sorted(by: {
            $0.product != $1.product ? $0.product < $1.product : $0.date > $1.date
        }) where latest.last?.product != purchase.product {
            latest.append(purchase)
        }
        func latestDate(of product: ProductIndex) -> Date? {
            var low = 0, high = latest.count
            while low < high {
                let middle = (low + high) / 2
                if latest[middle].product < product { low = middle + 1 } else { high = middle }
            }
            return low < latest.count && latest[low].product == product ? latest[low].date : nil
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
        // Per product the best score wins, the first seen among equals: an open-addressing table of indexes into
        // `found` (a multiplicative hash of the product; twice as many slots as entries).
        var slots = [Int32](repeating: -1, count: max(2, 1 << (Int.bitWidth - (2 * found.count).leadingZeroBitCount)))
        let mask = slots.count - 1
        for (i, entry) in found.enumerated() {
            var at = Int((UInt32(bitPattern: entry.product) &* 0x9E37_79B1) >> 7) & mask
            while slots[at] >= 0, found[Int(slots[at])].product != entry.product { at = (at + 1) & mask }
            if slots[at] < 0 || entry.score > found[Int(slots[at])].score { slots[at] = Int32(i) }
        }
        var ranked = slots.filter { $0 >= 0 }.map { i in
            (key: TopK.key(ScoredProduct(product: found[Int(i)].product, score: found[Int(i)].score)), at: Int(i))
        }
        ranked.sort { $0.key < $1.key }
        return ranked.prefix(max(0, limit)).map { entry in
            let best = found[entry.at], k = Int(best.step)
            let (anchor, anchorDate) = latest[Int(best.anchor)]
            let lag = Quartiles(p25: lagP25Days[k], median: lagMedianDays[k], p75: lagP75Days[k])
            let reachOut = max(lag.p25, lag.median - settings.leadDays)
            return Upcoming(
                product: best.product, after: anchor, afterDate: anchorDate,
                expectedDate: anchorDate.addingTimeInterval(TimeInterval(lag.median) * DayNumber.interval),
                reachOutDate: anchorDate.addingTimeInterval(TimeInterval(reachOut) * DayNumber.interval),
                medianLagDays: lag.median, score: best.score)
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
