import Foundation
import RegularsTestSupport
import Testing

@testable import RegularsSegments

@Suite("Segment report")
struct SegmentReportTests {
    @Test("lists every segment's size, the unassigned, and the last months")
    func smallShop() throws {
        var shop = TestShop()
        shop.order("new", daysAgo: 3)
        for days in [300, 200, 100] { shop.order("loyal", daysAgo: days) }
        shop.order("idle", daysAgo: 70)
        let report = SegmentReport.make(snapshot: shop.snapshot(), asOf: shop.asOf, months: 3)
        #expect(report.customers == 3)
        #expect(report.unassigned == 1)
        #expect(report.segments.first { $0.segment == .new }?.primary == 1)
        #expect(report.segments.first { $0.segment == .lapsed }?.primary == 1)
        #expect(report.history.months.map(\.month) == ["2024-04", "2024-05", "2024-06"])
        #expect(report.members.first { $0.customerID == "loyal" }?.segments == [.loyal, .lapsed])
        let text = report.text
        #expect(text.hasPrefix("Segments as of 2024-06-30: 3 customers with orders\n"))
        #expect(text.contains("Loyal                1        0"))
        #expect(text.contains("At risk uses the overdue rule only: not enough data for predictions yet"))
        let object = try #require(try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
        #expect(object["customers"] as? Int == 3)
    }

    @Test("with enough data, at risk also uses P(alive) and no shortfall is reported")
    func cdnow() throws {
        let report = SegmentReport.make(snapshot: try CDNOW.snapshot(), asOf: CDNOW.calibrationAsOf, months: 2)
        #expect(report.predictionShortfall == nil)
        #expect(report.customers == 2_357)
        #expect(report.history.months.map(\.month) == ["1997-08", "1997-09"])
        #expect(!report.text.contains("overdue rule only"))
    }
}
