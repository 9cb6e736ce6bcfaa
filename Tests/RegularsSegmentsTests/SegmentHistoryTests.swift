import Foundation
import RegularsTestSupport
import Testing

@testable import RegularsSegments

@Suite("Segment sizes over time")
struct SegmentHistoryTests {
    @Test("counts each month at its end: a customer is new, then active, then neither, then lapsed")
    func oneCustomerMovesThrough() throws {
        var shop = TestShop(referenceDay: "2024-06-30")
        shop.order("c", on: "2024-01-10")
        let history = SegmentHistory.monthly(shop.snapshot(), asOf: shop.asOf)
        #expect(history.months.map(\.month) == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"])
        let primary = history.months.map { month in month.segments.first { $0.primary == 1 }?.segment }
        // Days since the order at each month's last day: 21, 50, 81, 111, 142, 172.
        #expect(primary == [.new, .active, nil, .lapsed, .lapsed, .lapsed])
        #expect(history.months[2].unassigned == 1)
        #expect(history.months[0].asOf == Fixtures.day("2024-02-01"))
        #expect(history.months.last?.asOf == shop.asOf)
    }

    @Test("customers appear in the month of their first order, and a limit keeps the latest months")
    func growthAndLimit() {
        var shop = TestShop(referenceDay: "2024-03-31")
        shop.order("a", on: "2024-01-05")
        shop.order("b", on: "2024-02-05")
        shop.order("c", on: "2024-03-05")
        let history = SegmentHistory.monthly(shop.snapshot(), asOf: shop.asOf)
        #expect(history.months.map(\.customers) == [1, 2, 3])
        #expect(
            SegmentHistory.monthly(shop.snapshot(), asOf: shop.asOf, limit: 2).months.map(\.month) == [
                "2024-02", "2024-03",
            ])
    }
}
