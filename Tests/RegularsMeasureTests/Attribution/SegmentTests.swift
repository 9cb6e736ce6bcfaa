import RegularsData
import RegularsMeasure
import Testing

/// Revenue and what recommendations earned, per customer segment.
struct SegmentTests {
    @Test func ordersGroupByTheirCustomersSegmentWithTheAttributedPart() {
        let lines = [
            line("o1", 1, customer: "c1", at: t0 + hour, sku: "X", price: money(10)),
            line("o1", 2, customer: "c1", at: t0 + hour, sku: "Y", price: money(5)),
            line("o2", customer: "c2", at: t0 + 2 * hour, sku: "X", price: money(20)),
            line("o3", customer: "c3", at: t0 + 3 * hour, sku: "Z", price: money(1)),
        ]
        let events = [widgetClick("k1", at: t0, customer: "c1", sku: "X")]
        let report = AttributionReport.make(events: events, lines: lines, period: t0..<(t0 + day))
        let groups = report.bySegment(lines: lines, segmentOf: ["c1": "loyal", "c2": "new"])
        #expect(groups.map(\.segment) == ["new", "loyal", "other"], "largest revenue first")
        let loyal = groups[1]
        #expect(loyal.customers == 1 && loyal.orders == 1)
        #expect(loyal.revenue == money(15))
        #expect(loyal.attributedOrders == 1 && loyal.attributedRevenue == money(10))
        #expect(loyal.recommendedShare == 10.0 / 15.0)
        #expect(groups[0].revenue == money(20) && groups[0].attributedRevenue == .zero)
        #expect(groups[2].revenue == money(1), "c3 has no segment: other")
    }
}
