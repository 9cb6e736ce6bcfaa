import RegularsData
import RegularsMeasure
import Testing

/// Attribution is pure over its inputs: importing an order again, or an update of it, changes nothing but the
/// update itself.
struct ReimportTests {
    @Test func aLineImportedTwiceIsCreditedOnce() {
        let order = line("o1", at: t0 + hour, quantity: 2, price: money(5))
        let credited = RevenueAttribution.attribute(events: [widgetClick("k1", at: t0)], lines: [order, order])
        #expect(credited.count == 1)
        #expect(credited.first?.revenue == money(10))
    }

    @Test func anUpdatedLineCountsWithItsLastVersion() {
        let lines = [
            line("o1", at: t0 + hour, quantity: 1, price: money(5)),
            line("o2", at: t0 + hour, sku: "Y"),
            line("o1", at: t0 + hour, quantity: 3, price: money(5)),
        ]
        let credited = RevenueAttribution.attribute(events: [widgetClick("k1", at: t0)], lines: lines)
        #expect(credited.map(\.revenue) == [money(15)])

        let report = AttributionReport.make(
            events: [widgetClick("k1", at: t0)], lines: lines, period: t0..<(t0 + day))
        #expect(report.orders == 2)
        #expect(report.revenue == money(15) + money(10))
        #expect(report.overall.attributedRevenue == money(15))
    }

    @Test func anUpdateThatChangesTheSKUCanUndoTheCredit() {
        let lines = [line("o1", at: t0 + hour, sku: "X"), line("o1", at: t0 + hour, sku: "Y")]
        #expect(RevenueAttribution.attribute(events: [widgetClick("k1", at: t0)], lines: lines).isEmpty)
    }

    @Test func aRepeatedEventIDCountsOnceTheFirstKept() {
        let first = widgetClick("k1", at: t0, source: "home")
        let resent = widgetClick("k1", at: t0 + 2 * hour, source: "product")
        #expect(ShopEvent.unique([first, resent, first]) == [first])

        let lines = [line("o1", at: t0 + 3 * hour)]
        let credited = RevenueAttribution.attribute(events: [first, resent], lines: lines)
        #expect(credited.map(\.source) == ["home"])
        let report = AttributionReport.make(events: [first, first, first], lines: lines, period: t0..<(t0 + day))
        #expect(report.overall.recommendationClicks == 1)
    }

    @Test func runningTwiceGivesTheSameAnswer() {
        let events = [widgetClick("k1", at: t0), emailClick("e1", at: t0, sku: "Y")]
        let lines = [line("o1", at: t0 + hour), line("o1", 2, at: t0 + hour, sku: "Y")]
        let first = AttributionReport.make(events: events, lines: lines, period: t0..<(t0 + day))
        let second = AttributionReport.make(events: events + events, lines: lines + lines, period: t0..<(t0 + day))
        #expect(first == second)
    }
}
