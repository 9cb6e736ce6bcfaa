import Foundation
import RegularsData

/// Segment sizes month by month: how the shop's customer base has moved.
///
/// Each month is counted at its end (the first moment of the next month), the current month at
/// `asOf`. The rules run without P(alive), since no model was fitted at those past dates, so "at risk"
/// here is the overdue rule alone. Cost: one pass over the orders per month.
public struct SegmentHistory: Sendable, Hashable, Codable {
    public struct Month: Sendable, Hashable, Codable {
        /// "2024-05".
        public var month: String
        /// The moment counted at.
        public var asOf: Date
        /// Customers with an order before `asOf`.
        public var customers: Int
        /// Customers in no segment.
        public var unassigned: Int
        public var segments: [SegmentCount]

        enum CodingKeys: String, CodingKey {
            case month, customers, unassigned, segments
            case asOf = "as_of"
        }
    }

    public var months: [Month]

    /// The history from the month of the first order (or the last `limit` months) to `asOf`'s month.
    public static func monthly(
        _ snapshot: Snapshot, asOf: Date, definitions: SegmentDefinitions = SegmentDefinitions(), limit: Int? = nil
    ) -> SegmentHistory {
        let endSeconds = DayNumber.exclusiveEndSeconds(asOf)
        guard let firstSeconds = snapshot.orderTime.min(), firstSeconds < endSeconds else {
            return SegmentHistory(months: [])
        }
        let first = DayNumber.civil(DayNumber.day(ofSeconds: firstSeconds))
        let last = DayNumber.civil(DayNumber.lastIncludedDay(asOf: asOf))
        var year = first.year
        var month = first.month
        var cuts: [(String, Date)] = []
        while (year, month) <= (last.year, last.month) {
            let (nextYear, nextMonth) = month == 12 ? (year + 1, 1) : (year, month + 1)
            let monthEnd = DayNumber.date(ofDay: DayNumber.day(year: nextYear, month: nextMonth, day: 1))
            cuts.append((String(format: "%04d-%02d", year, month), min(monthEnd, asOf)))
            (year, month) = (nextYear, nextMonth)
        }
        if let limit { cuts = Array(cuts.suffix(max(limit, 0))) }
        let gifts = GiftSignals.giftProducts(in: snapshot, keywords: definitions.giftKeywords)
        let months = cuts.map { label, cut in
            let activity = CustomerActivity.measure(
                snapshot, asOf: cut, giftProducts: gifts, seasonMonths: Set(definitions.giftSeasonMonths),
                southernHemisphere: definitions.southernHemisphere)
            let memberships = LifecycleSegmenter.assign(activity, definitions: definitions)
            let measured = memberships.compactMap { $0 }
            return Month(
                month: label, asOf: cut, customers: measured.count,
                unassigned: measured.filter { $0.primary == nil }.count, segments: SegmentCount.counts(memberships))
        }
        return SegmentHistory(months: months)
    }
}
