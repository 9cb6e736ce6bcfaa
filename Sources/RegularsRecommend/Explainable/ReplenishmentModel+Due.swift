import Foundation
import RegularsData

extension ReplenishmentModel {
    /// How often an item is bought again, from every customer who bought it on two or more occasions.
    public struct Interval: Sendable, Hashable, Codable {
        /// Gap quartiles, days.
        public var days: Quartiles
        /// Gaps the quartiles come from.
        public var gapCount: Int
        /// Customers who bought it on two or more occasions, over all its buyers.
        public var repeatShare: Float
    }

    /// One of a customer's items with its timing as of some day.
    public struct DueItem: Sendable, Hashable, Codable {
        public var product: ProductIndex
        public var lastPurchase: Date
        /// The interval used: the customer's own (shrunk towards the item's) when they have one, days.
        public var everyDays: Float
        /// `everyDays` came from the customer's own gaps.
        public var isPersonal: Bool
        /// `lastPurchase + everyDays`.
        public var dueDate: Date
        /// Days since the last purchase over `everyDays` (1: due today, above 1: overdue).
        public var dueness: Float
    }

    /// The item's interval, or `nil` when it is not bought again often enough to have one.
    public func interval(of product: ProductIndex) -> Interval? {
        let p = Int(product)
        guard p >= 0, p < gapMedianDays.count, gapMedianDays[p] > 0 else { return nil }
        return Interval(
            days: Quartiles(p25: gapP25Days[p], median: gapMedianDays[p], p75: gapP75Days[p]),
            gapCount: Int(gapCount[p]), repeatShare: buyers[p] > 0 ? Float(repeatBuyers[p]) / Float(buyers[p]) : 0)
    }

    /// The customer's usual number of days between orders, or `nil` with too few orders to tell.
    public func usualIntervalDays(of customer: CustomerIndex) -> Float? {
        let c = Int(customer)
        guard c >= 0, c < customerUsualGapDays.count, customerUsualGapDays[c] > 0 else { return nil }
        return customerUsualGapDays[c]
    }

    /// Every replenishable item the customer bought, with its timing as of `date` (default: the model's `asOf`),
    /// most due first (largest dueness).
    public func timing(for customer: CustomerIndex, asOf date: Date? = nil) -> [DueItem] {
        let c = Int(customer)
        guard c >= 0, c + 1 < customerItemStart.count else { return [] }
        let now = (date ?? asOf).timeIntervalSince1970
        var out: [DueItem] = []
        for k in Int(customerItemStart[c])..<Int(customerItemStart[c + 1]) {
            let p = Int(customerItem[k])
            let personal = customerItemOwnDays[k] > 0
            let every = personal ? customerItemOwnDays[k] : gapMedianDays[p]
            let last = TimeInterval(customerItemLast[k])
            let due = last + TimeInterval(every) * DayNumber.interval
            out.append(
                DueItem(
                    product: customerItem[k], lastPurchase: Date(timeIntervalSince1970: last), everyDays: every,
                    isPersonal: personal, dueDate: Date(timeIntervalSince1970: due),
                    dueness: Float((now - last) / DayNumber.interval) / every))
        }
        return out.sorted { $0.dueness != $1.dueness ? $0.dueness > $1.dueness : $0.product < $1.product }
    }

    /// The customer's items due between `dueFrom` and `lapsedAfter` as of `date`, closest to their due
    /// date first.
    ///
    /// The score is `min(dueness, 1 / dueness)`: 1 on the due date, lower both before and after it.
    public func recommend(
        for customer: CustomerIndex, limit: Int, asOf date: Date? = nil, excluding: Set<ProductIndex> = []
    ) -> [ExplainedScore] {
        let now = date ?? asOf
        var scored: [ExplainedScore] = []
        for item in timing(for: customer, asOf: now)
        where item.dueness >= settings.dueFrom && item.dueness <= settings.lapsedAfter
            && !excluding.contains(item.product)
        {
            let dueIn = Float(item.dueDate.timeIntervalSince(now) / DayNumber.interval)
            scored.append(
                ExplainedScore(
                    product: item.product, score: min(item.dueness, 1 / item.dueness),
                    evidence: .due(everyDays: item.everyDays, dueInDays: dueIn)))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.product < $1.product }
        return Array(scored.prefix(max(0, limit)))
    }
}
