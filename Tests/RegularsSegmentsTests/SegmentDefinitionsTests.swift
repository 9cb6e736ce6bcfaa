import Foundation
import RegularsTestSupport
import Testing

@testable import RegularsSegments

@Suite("Segment definitions settings")
struct SegmentDefinitionsTests {
    @Test("the defaults are the product brief's: 30, 60, 3 orders, top 10 %, 90 and 365 days")
    func defaults() {
        let d = SegmentDefinitions()
        #expect((d.newWithinDays, d.activeWithinDays, d.loyalMinimumOrders) == (30, 60, 3))
        #expect((d.highSpenderTopShare, d.lapsedAfterDays, d.lostAfterDays) == (0.10, 90, 365))
        #expect(d.giftSeasonMonths == [11, 12] && d.giftSeasonMinimumShare == 0.5)
        #expect(Set(d.priority) == Set(LifecycleSegment.allCases))
    }

    @Test("a small JSON file changes only the keys it names")
    func partialFile() throws {
        let url = try write(#"{"new_within_days": 14, "lapsed_after_days": 120, "gift_keywords": ["present"]}"#)
        let d = try SegmentDefinitions.load(from: url)
        var expected = SegmentDefinitions()
        expected.newWithinDays = 14
        expected.lapsedAfterDays = 120
        expected.giftKeywords = ["present"]
        #expect(d == expected)
    }

    @Test("definitions round-trip through JSON")
    func roundTrip() throws {
        var d = SegmentDefinitions()
        d.atRiskGapMultiple = 3
        d.priority.reverse()
        let data = try JSONEncoder().encode(d)
        #expect(try JSONDecoder().decode(SegmentDefinitions.self, from: data) == d)
        #expect(String(decoding: data, as: UTF8.self).contains(#""at_risk_gap_multiple":3"#))
    }

    @Test("a value out of range names the file and the key")
    func outOfRange() throws {
        let url = try write(#"{"lapsed_after_days": 400}"#)
        #expect(
            throws: SegmentDefinitionsError(
                file: "segments.json", key: "lost_after_days", message: "expected at least lapsed_after_days")
        ) {
            try SegmentDefinitions.load(from: url)
        }
    }

    @Test("a value of the wrong type names the key and what was expected")
    func wrongType() throws {
        let url = try write(#"{"new_within_days": "thirty"}"#)
        #expect(
            throws: SegmentDefinitionsError(
                file: "segments.json", key: "new_within_days", message: "expected a whole number")
        ) {
            try SegmentDefinitions.load(from: url)
        }
    }

    @Test("a priority must list every segment once")
    func incompletePriority() throws {
        let url = try write(#"{"priority": ["lost", "lapsed"]}"#)
        do {
            _ = try SegmentDefinitions.load(from: url)
            Issue.record("an incomplete priority was accepted")
        } catch {
            #expect(error.key == "priority")
            #expect(error.description.hasPrefix("segments.json: priority: expected each of new, active"))
        }
    }

    @Test("an unknown segment name in the priority is named")
    func unknownSegment() throws {
        let url = try write(#"{"priority": ["vip"]}"#)
        do {
            _ = try SegmentDefinitions.load(from: url)
            Issue.record("an unknown segment was accepted")
        } catch {
            #expect(
                error.description.hasPrefix("segments.json: priority: unknown segment; expected each of new, active"))
        }
    }

    @Test("report settings read from a partial JSON object keep their other defaults")
    func reportSettings() throws {
        let json = #"{"requirements": {"minimum_repeat_customers": 40}, "lifetime_value": {"horizon_months": 24}}"#
        let settings = try JSONDecoder().decode(PredictionReport.Settings.self, from: Data(json.utf8))
        #expect(settings.requirements == DataRequirements(minimumRepeatCustomers: 40, minimumHistoryDays: 90))
        #expect(settings.lifetimeValue == LifetimeValueModel.Settings(horizonMonths: 24, monthlyDiscountRate: 0.01))
        #expect(settings.segments == SegmentDefinitions() && settings.unit == .days)
    }

    private func write(_ text: String) throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("segments.json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
