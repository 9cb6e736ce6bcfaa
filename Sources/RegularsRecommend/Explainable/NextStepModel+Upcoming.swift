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
        // The latest purchase of each product is the one whose next step is still ahead.
        var latest: [ProductIndex: Date] = [:]
        for purchase in purchases where purchase.date <= now {
            latest[purchase.product] = max(latest[purchase.product] ?? purchase.date, purchase.date)
        }
        var best: [ProductIndex: Upcoming] = [:]
        for (anchor, anchorDate) in latest.sorted(by: { $0.key < $1.key }) {
            let elapsed = Float(now.timeIntervalSince(anchorDate) / DayNumber.interval)
            for step in nextSteps(after: anchor) {
                if let bought = latest[step.product], bought >= anchorDate { continue }
                let lag = step.lagDays
                let reachOut = max(lag.p25, lag.median - settings.leadDays)
                let tail = max(lag.spread, settings.leadDays)
                let fit: Float =
                    elapsed < reachOut
                    ? max(0, elapsed / max(reachOut, 1))
                    : elapsed <= lag.p75 ? 1 : max(0, 1 - (elapsed - lag.p75) / tail)
                guard fit > 0 else { continue }
                let entry = Upcoming(
                    product: step.product, after: anchor, afterDate: anchorDate,
                    expectedDate: anchorDate.addingTimeInterval(TimeInterval(lag.median) * DayNumber.interval),
                    reachOutDate: anchorDate.addingTimeInterval(TimeInterval(reachOut) * DayNumber.interval),
                    medianLagDays: lag.median, score: step.score * fit)
                if entry.score > best[step.product]?.score ?? 0 { best[step.product] = entry }
            }
        }
        let ranked = best.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.product < $1.product }
        return Array(ranked.prefix(max(0, limit)))
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
