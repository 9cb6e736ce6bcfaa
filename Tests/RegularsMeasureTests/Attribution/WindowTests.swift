import RegularsData
import RegularsMeasure
import Testing

/// Each click kind's window, both edges: the order must come at or after the click and no later than the window.
struct WindowTests {
    @Test func widgetClickInsideTheWindowEarnsTheExactRevenue() {
        let lines = [line("o1", at: t0 + 24 * hour, quantity: 2, price: money(19, cents: 99))]
        let credited = RevenueAttribution.attribute(events: [widgetClick("k1", at: t0)], lines: lines)
        #expect(
            credited == [
                AttributedLine(
                    key: .init(orderID: "o1", position: 1), customerID: "c1", sku: "X", orderedAt: t0 + 24 * hour,
                    revenue: Money(units: 399_800), clickID: "k1", clickKind: .recommendationClick, source: "home",
                    experiment: nil, arm: nil, lagSeconds: 24 * hour)
            ])
    }

    @Test func widgetClickOneSecondPastTheWindowEarnsNothing() {
        let lines = [line("o1", at: t0 + 24 * hour + 1)]
        #expect(RevenueAttribution.attribute(events: [widgetClick("k1", at: t0)], lines: lines).isEmpty)
    }

    @Test func emailClickFourDaysBeforeEarns() {
        let lines = [line("o1", at: t0 + 4 * day)]
        let credited = RevenueAttribution.attribute(events: [emailClick("e1", at: t0)], lines: lines)
        #expect(credited.map(\.clickID) == ["e1"])
        #expect(credited.first?.clickKind == .emailClick)
        #expect(credited.first?.source == "spring")
        #expect(credited.first?.lagSeconds == 4 * day)
    }

    @Test func emailClickPastFiveDaysEarnsNothing() {
        let lines = [line("o1", at: t0 + 5 * day + 1)]
        #expect(RevenueAttribution.attribute(events: [emailClick("e1", at: t0)], lines: lines).isEmpty)
    }

    @Test func widgetClickTwoDaysBeforeEarnsNothing() {
        let lines = [line("o1", at: t0 + 2 * day)]
        #expect(RevenueAttribution.attribute(events: [widgetClick("k1", at: t0)], lines: lines).isEmpty)
    }

    /// The latest click *that qualifies*: a widget click past its 24 h does not hide an e-mail click inside 5 days.
    @Test func anExpiredLaterClickDoesNotHideAnEarlierQualifyingOne() {
        let events = [emailClick("e1", at: t0), widgetClick("k1", at: t0 + day)]
        let credited = RevenueAttribution.attribute(events: events, lines: [line("o1", at: t0 + 3 * day)])
        #expect(credited.map(\.clickID) == ["e1"])
    }

    @Test func windowsAreSettings() {
        let windows = AttributionWindows(recommendationClick: 2 * day)
        let lines = [line("o1", at: t0 + 2 * day)]
        let credited = RevenueAttribution.attribute(events: [widgetClick("k1", at: t0)], lines: lines, windows: windows)
        #expect(credited.map(\.clickID) == ["k1"])
    }
}
