import RegularsData
import RegularsMeasure
import Testing

/// Several clicks on one SKU: the latest one at or before the order wins; later clicks cannot earn it.
struct LatestClickTests {
    @Test func theLatestClickBeforeTheOrderWins() {
        let events = [
            widgetClick("k1", at: t0, source: "home"),
            widgetClick("k2", at: t0 + hour, source: "product"),
        ]
        let credited = RevenueAttribution.attribute(events: events, lines: [line("o1", at: t0 + 2 * hour)])
        #expect(credited.map(\.clickID) == ["k2"])
        #expect(credited.first?.source == "product")
        #expect(credited.first?.lagSeconds == hour)
    }

    @Test func aClickAfterTheOrderDoesNotCount() {
        let events = [
            widgetClick("k1", at: t0, source: "home"),
            widgetClick("k2", at: t0 + 3 * hour, source: "product"),
        ]
        let credited = RevenueAttribution.attribute(events: events, lines: [line("o1", at: t0 + 2 * hour)])
        #expect(credited.map(\.clickID) == ["k1"])
        let onlyAfter = RevenueAttribution.attribute(events: [events[1]], lines: [line("o1", at: t0 + 2 * hour)])
        #expect(onlyAfter.isEmpty)
    }

    @Test func aClickInTheSameSecondAsTheOrderCounts() {
        let credited = RevenueAttribution.attribute(events: [widgetClick("k1", at: t0)], lines: [line("o1", at: t0)])
        #expect(credited.first?.lagSeconds == 0)
    }

    /// An e-mail click and a widget click are ranked by time alone, whatever their kind.
    @Test func aLaterWidgetClickBeatsAnEarlierEmailClick() {
        let events = [emailClick("e1", at: t0), widgetClick("k1", at: t0 + hour)]
        let credited = RevenueAttribution.attribute(events: events, lines: [line("o1", at: t0 + 2 * hour)])
        #expect(credited.map(\.clickID) == ["k1"])
    }

    /// Clicks in the same second: the larger id, every run, whatever the input order.
    @Test func aTieIsBrokenByIDWhateverTheInputOrder() {
        let events = [widgetClick("k2", at: t0, source: "product"), widgetClick("k1", at: t0, source: "home")]
        let lines = [line("o1", at: t0 + hour)]
        #expect(RevenueAttribution.attribute(events: events, lines: lines).map(\.clickID) == ["k2"])
        #expect(RevenueAttribution.attribute(events: events.reversed(), lines: lines).map(\.clickID) == ["k2"])
    }

    @Test func eachLineIsCreditedOnceAndOnlyForItsOwnSKU() {
        let events = [widgetClick("k1", at: t0, sku: "X")]
        let lines = [line("o1", 1, at: t0 + hour, sku: "X"), line("o1", 2, at: t0 + hour, sku: "Y")]
        let credited = RevenueAttribution.attribute(events: events, lines: lines)
        #expect(credited.map(\.key) == [.init(orderID: "o1", position: 1)])
    }

    @Test func aClickOnAnotherSKUEarnsNothing() {
        let events = [widgetClick("k1", at: t0, sku: "X")]
        #expect(RevenueAttribution.attribute(events: events, lines: [line("o1", at: t0 + hour, sku: "Y")]).isEmpty)
    }

    @Test func anotherCustomersClickEarnsNothing() {
        let events = [widgetClick("k1", at: t0, customer: "c2")]
        #expect(RevenueAttribution.attribute(events: events, lines: [line("o1", at: t0 + hour)]).isEmpty)
    }

    @Test func viewsAndCartAddsNeverEarn() {
        let events = [event("v1", .productView, at: t0), event("a1", .addToCart, at: t0 + 1)]
        let windows = AttributionWindows(viewThrough: true)
        let lines = [line("o1", at: t0 + hour)]
        #expect(RevenueAttribution.attribute(events: events, lines: lines, windows: windows).isEmpty)
    }
}
