import Foundation
import RegularsData

/// Segment sizes now and month by month, with each customer's segments: what `regulars segments` prints.
///
/// Uses P(alive) for "at risk" when the shop has enough data for a BG/NBD fit, and says when it has not.
public struct SegmentReport: Sendable, Codable {
    public struct Member: Sendable, Hashable, Codable {
        public var customerID: CustomerID
        public var primary: LifecycleSegment?
        public var segments: [LifecycleSegment]
        public var rfm: String
        /// The season they buy in mainly, if one.
        public var season: Season?

        enum CodingKeys: String, CodingKey {
            case customerID = "customer_id"
            case primary, segments, rfm, season
        }
    }

    public let asOf: Date
    /// Customers with an order before `asOf`.
    public let customers: Int
    /// Customers in no segment.
    public let unassigned: Int
    public let segments: [SegmentCount]
    /// Why "at risk" used the overdue rule only, when it did.
    public let predictionShortfall: DataShortfall?
    public let history: SegmentHistory
    public let members: [Member]
    /// Customers who buy mainly in each season, by season name (`PredictionReport.seasonCounts`).
    public let seasons: [String: Int]

    enum CodingKeys: String, CodingKey {
        case customers, unassigned, segments, history, members, seasons
        case asOf = "as_of"
        case predictionShortfall = "prediction_shortfall"
    }

    /// Segments at `asOf` and for the last `months` months. Pure.
    public static func make(
        snapshot: Snapshot, asOf: Date, settings: PredictionReport.Settings = .init(), months: Int = 12
    ) -> SegmentReport {
        let report = PredictionReport.make(snapshot: snapshot, asOf: asOf, settings: settings)
        let members = report.customers.map {
            Member(
                customerID: $0.customerID, primary: $0.primarySegment, segments: $0.segments, rfm: $0.rfm.description,
                season: $0.season)
        }
        return SegmentReport(
            asOf: asOf, customers: members.count, unassigned: members.filter { $0.primary == nil }.count,
            segments: report.segmentCounts, predictionShortfall: report.shortfall,
            history: SegmentHistory.monthly(snapshot, asOf: asOf, definitions: settings.segments, limit: months),
            members: members, seasons: report.seasonCounts)
    }

    /// Pretty JSON with sorted keys (what `regulars segments --json` prints).
    public func json() throws -> Data { try ReportFormatting.jsonEncoder().encode(self) }

    /// A table for people: members and primary counts per segment, then the monthly primary counts.
    public var text: String {
        var lines = ["Segments as of \(ReportFormatting.lastDay(before: asOf)): \(customers) customers with orders"]
        lines.append("segment        members  primary")
        for count in segments {
            lines.append(
                count.segment.title.padding(toLength: 13, withPad: " ", startingAt: 0)
                    + String(format: "%9d%9d", count.members, count.primary))
        }
        lines.append("(none)".padding(toLength: 13, withPad: " ", startingAt: 0) + String(format: "%18d", unassigned))
        if let predictionShortfall { lines.append("At risk uses the overdue rule only: \(predictionShortfall)") }
        if !seasons.isEmpty {
            lines.append(
                "Buy mainly in one season: "
                    + Season.allCases.map { "\($0.rawValue) \(seasons[$0.rawValue] ?? 0)" }.joined(separator: ", ")
                    + " (campaign --season picks them, e.g. --segment lapsed --season summer)")
        }
        if !history.months.isEmpty {
            lines.append("")
            lines.append("Primary segment by month")
            lines.append(
                "month    "
                    + LifecycleSegment.allCases.map { $0.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0) }
                    .joined())
            for month in history.months {
                lines.append(
                    month.month.padding(toLength: 9, withPad: " ", startingAt: 0)
                        + month.segments.map { String($0.primary).padding(toLength: 13, withPad: " ", startingAt: 0) }
                        .joined())
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
