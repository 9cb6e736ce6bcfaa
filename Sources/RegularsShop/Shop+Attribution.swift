import Foundation
import RegularsData
import RegularsMeasure
import RegularsSegments

extension Shop {
    /// Impressions, clicks and the revenue attributed to them from real orders over the `days` before `end`, per
    /// placement or campaign and per experiment arm (the dashboard's Recommendations page).
    public func attributionReport(days: Int64 = 30, end: Date) throws -> AttributionReport {
        let end = Int64(end.timeIntervalSince1970)
        let start = end - days * 86_400
        // Clicks up to the longest window before the period still earn its orders; a year of orders tells
        // repeat customers apart.
        let windows = AttributionWindows()
        let events = try store.events(
            from: start - windows.emailClick, to: end,
            kinds: [.recommendationImpression, .recommendationClick, .emailClick, .productView, .addToCart])
        return AttributionReport.make(
            events: events, lines: try store.placedLines(from: start - 365 * 86_400, to: end), windows: windows,
            period: start..<end, sends: try store.emailSends(from: start, to: end))
    }

    /// The report of `attributionReport` with the period's orders also grouped by each customer's primary
    /// lifecycle segment as of its end.
    public func revenueReport(days: Int64 = 30, end: Date) throws
        -> (report: AttributionReport, segments: [AttributionReport.SegmentGroup])
    {
        let report = try attributionReport(days: days, end: end)
        let snapshot = try store.snapshot(asOf: end)
        var segmentOf: [CustomerID: String] = [:]
        for prediction in PredictionReport.make(snapshot: snapshot, asOf: end).customers {
            if let segment = prediction.primarySegment { segmentOf[prediction.customerID] = segment.rawValue }
        }
        let lines = try store.placedLines(from: report.period.lowerBound, to: report.period.upperBound)
        return (report, report.bySegment(lines: lines, segmentOf: segmentOf))
    }

    /// The experiment's results as they stood at the end of each day since it started (at most `points`
    /// looks, evenly spread), for the chart of its interval over time.
    public func experimentHistory(named name: String, points: Int = 30) throws -> [(
        day: Int64, results: ExperimentResults
    )] {
        let experiment = try experiment(named: name)
        let now = Int64(clock().timeIntervalSince1970)
        let end = min(experiment.stoppedAt ?? now, now)
        let lines = try store.placedLines(from: experiment.startedAt - ExperimentResults.prePeriod, to: end + 1)
        let events = try store.events(
            from: experiment.startedAt, to: end + 1,
            kinds: [.recommendationImpression, .recommendationClick, .emailClick, .productView, .addToCart])
        let exposures = try store.exposures(of: name)
        let days = max(1, (end - experiment.startedAt + 86_399) / 86_400)
        let step = max(1, (days + Int64(points) - 1) / Int64(points))
        return stride(from: step, through: days, by: Int(step)).map { day in
            let at = min(experiment.startedAt + day * 86_400, end)
            return (
                at,
                ExperimentResults.make(
                    experiment: experiment, exposures: exposures, lines: lines, events: events, now: at)
            )
        }
    }
}
