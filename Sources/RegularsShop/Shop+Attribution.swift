import Foundation
import RegularsData
import RegularsMeasure
import RegularsSegments

extension Shop {
    /// Impressions, clicks and the revenue attributed to them from real orders over the `days` before `end`, per
    /// placement or campaign and per experiment arm (the dashboard's Recommendations page).
    public func attributionReport(days: Int64 = 30, end: Date) throws -> AttributionReport {
        try attribution(days: days, end: end).report
    }

    /// The report and the order lines it read (the period's and a year before it), for the figures built on it.
    func attribution(days: Int64, end: Date) throws -> (report: AttributionReport, lines: [PlacedLine]) {
        let end = Int64(end.timeIntervalSince1970)
        let start = end - days * 86_400
        // Clicks up to the longest window before the period still earn its orders; a year of orders tells
        // repeat customers apart.
        let windows = AttributionWindows()
        let events = try store.events(from: start - windows.emailClick, to: end, kinds: ShopEvent.Kind.measured)
        let lines = try store.placedLines(from: start - 365 * 86_400, to: end)
        let report = AttributionReport.make(
            events: events, lines: lines, windows: windows, period: start..<end,
            sends: try store.emailSends(from: start, to: end))
        return (report, lines)
    }

    /// The report of `attributionReport` with the period's orders also grouped by each customer's primary
    /// lifecycle segment as of its end.
    public func revenueReport(days: Int64 = 30, end: Date) throws
        -> (report: AttributionReport, segments: [AttributionReport.SegmentGroup])
    {
        let (report, lines) = try attribution(days: days, end: end)
        let snapshot = try store.snapshot(asOf: end)
        var segmentOf: [CustomerID: String] = [:]
        for prediction in PredictionReport.make(snapshot: snapshot, asOf: end).customers {
            if let segment = prediction.primarySegment { segmentOf[prediction.customerID] = segment.rawValue }
        }
        return (report, report.bySegment(lines: lines, segmentOf: segmentOf))
    }
}
