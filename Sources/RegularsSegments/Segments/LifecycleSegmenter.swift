import Foundation
import RegularsData

/// Applies `SegmentDefinitions` to a shop's customers at a reference moment.
public enum LifecycleSegmenter {
    /// Memberships of every customer of `snapshot` with an order before `asOf`, by `CustomerIndex`
    /// (`nil`: no orders yet). Pure; one pass over the orders.
    ///
    /// - Parameter probabilityAlive: P(alive) by `CustomerIndex` when a BG/NBD model is fitted; it
    ///   adds "at risk" for customers below `definitions.atRiskProbabilityAlive`.
    public static func assign(
        _ snapshot: Snapshot, asOf: Date, definitions: SegmentDefinitions = SegmentDefinitions(),
        probabilityAlive: [Double?]? = nil
    ) -> [SegmentMembership?] {
        let activity = activities(snapshot, asOf: asOf, definitions: definitions)
        return assign(activity, definitions: definitions, probabilityAlive: probabilityAlive)
    }

    /// The measurements the rules use, by `CustomerIndex`.
    public static func activities(_ snapshot: Snapshot, asOf: Date, definitions: SegmentDefinitions)
        -> [CustomerActivity?]
    {
        let gifts = GiftSignals.giftProducts(in: snapshot, keywords: definitions.giftKeywords)
        return CustomerActivity.measure(
            snapshot, asOf: asOf, giftProducts: gifts, seasonMonths: Set(definitions.giftSeasonMonths),
            southernHemisphere: definitions.southernHemisphere)
    }

    /// Memberships from measured activity (parallel arrays).
    public static func assign(
        _ activity: [CustomerActivity?], definitions: SegmentDefinitions, probabilityAlive: [Double?]? = nil
    ) -> [SegmentMembership?] {
        let threshold = highSpenderThreshold(
            activity.compactMap { $0?.totalSpend }, topShare: definitions.highSpenderTopShare)
        return activity.indices.map { index in
            guard let customer = activity[index] else { return nil }
            let segments = LifecycleSegment.allCases.filter { segment in
                matches(
                    segment, customer, definitions, threshold: threshold, probabilityAlive: probabilityAlive?[index])
            }
            return SegmentMembership(
                segments: segments, primary: definitions.priority.first(where: segments.contains),
                season: season(of: customer, definitions: definitions))
        }
    }

    /// The season `customer` buys in mainly, when they have enough order days and most of them fall in one
    /// season; `nil` for year-round customers and one-off buyers.
    public static func season(of customer: CustomerActivity, definitions: SegmentDefinitions) -> Season? {
        let days = customer.seasonDays.reduce(0, +)
        guard days >= definitions.seasonalMinimumOrders,
            let top = customer.seasonDays.indices.max(by: {
                customer.seasonDays[$0] < customer.seasonDays[$1]
            })
        else { return nil }
        return Double(customer.seasonDays[top]) >= definitions.seasonalMinimumShare * Double(days)
            ? Season.allCases[top] : nil
    }

    /// Whether `customer` meets the rule of `segment`.
    static func matches(
        _ segment: LifecycleSegment, _ customer: CustomerActivity, _ d: SegmentDefinitions, threshold: Money?,
        probabilityAlive: Double?
    ) -> Bool {
        switch segment {
        case .new:
            return customer.daysSinceFirstOrder < d.newWithinDays
        case .active:
            return customer.daysSinceLastOrder < d.activeWithinDays
        case .loyal:
            return customer.orders >= d.loyalMinimumOrders
        case .highSpender:
            guard let threshold else { return false }
            return customer.totalSpend.units > 0 && customer.totalSpend >= threshold
        case .giftBuyer:
            let seasonal =
                customer.orders >= d.giftSeasonMinimumOrders
                && Double(customer.seasonOrders) >= d.giftSeasonMinimumShare * Double(customer.orders)
            return customer.giftOrders > 0 || seasonal
        case .atRisk:
            if let gap = customer.medianGapDays, Double(customer.daysSinceLastOrder) > d.atRiskGapMultiple * gap {
                return true
            }
            return probabilityAlive.map { $0 < d.atRiskProbabilityAlive } ?? false
        case .lapsed:
            return customer.daysSinceLastOrder >= d.lapsedAfterDays
        case .lost:
            return customer.daysSinceLastOrder >= d.lostAfterDays
        }
    }

    /// The lowest spend that is a high spender's: that of the k-th biggest spender, k = ⌊share · n⌋
    /// (no high spenders below ten customers at the default share). When customers tied at the cut
    /// reach past the top k, the tie is left out, so there are never more than k high spenders and a
    /// shop where everyone spent the same has none.
    static func highSpenderThreshold(_ spends: [Money], topShare: Double) -> Money? {
        let k = Int((topShare * Double(spends.count)).rounded(.down))
        guard k > 0 else { return nil }
        let sorted = spends.sorted(by: >)
        let cut = sorted[k - 1]
        guard k < sorted.count, sorted[k] == cut else { return cut }
        // The tie at the cut spills over: keep only those above it.
        guard let above = sorted[..<k].last(where: { $0 > cut }) else { return nil }
        return above
    }
}
