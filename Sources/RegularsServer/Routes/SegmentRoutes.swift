import Foundation
import RegularsData
import RegularsSegments

/// `GET /v1/segments`: segment sizes now and month by month (members are left out: use
/// `GET /v1/customers/{id}` for one customer, `regulars segments --json` for everyone).
struct SegmentRoutes: Sendable {
    let services: AppServices

    /// openapi.yaml's `Segments`, standing in for the generated type: it writes `prediction_shortfall: null`.
    struct SegmentsResponse: Codable, Hashable, Sendable {
        struct Month: Codable, Hashable, Sendable {
            var month: String
            var customers: Int
            var unassigned: Int
            var segments: [SegmentCount]
        }
        var asOf: String
        var customers: Int
        var unassigned: Int
        var segments: [SegmentCount]
        /// Why "at risk" uses the overdue rule only, when it does.
        var predictionShortfall: String?
        var history: [Month]

        enum CodingKeys: String, CodingKey {
            case customers, unassigned, segments, history
            case asOf = "as_of"
            case predictionShortfall = "prediction_shortfall"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(asOf, forKey: .asOf)
            try c.encode(customers, forKey: .customers)
            try c.encode(unassigned, forKey: .unassigned)
            try c.encode(segments, forKey: .segments)
            try c.encode(predictionShortfall, forKey: .predictionShortfall)
            try c.encode(history, forKey: .history)
        }
    }

    func list() async throws -> SegmentsResponse {
        let insights = try await services.insights.current()
        let report = insights.report
        let history = SegmentHistory.monthly(insights.snapshot, asOf: insights.asOf, limit: 12)
        return SegmentsResponse(
            asOf: Timestamp.iso(Int64(insights.asOf.timeIntervalSince1970)), customers: report.customers.count,
            unassigned: report.customers.filter { $0.primarySegment == nil }.count, segments: report.segmentCounts,
            predictionShortfall: report.shortfall.map { "\($0)" },
            history: history.months.map {
                .init(month: $0.month, customers: $0.customers, unassigned: $0.unassigned, segments: $0.segments)
            })
    }
}
