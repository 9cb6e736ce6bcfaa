import RegularsData
import RegularsMeasure
import Testing

/// Impressions earn nothing unless view-through is switched on, and then only when no click qualifies.
struct ViewThroughTests {
    let impression = event("i1", .recommendationImpression, at: t0, source: "home")

    @Test func offByDefault() {
        #expect(AttributionWindows().viewThrough == false)
        #expect(RevenueAttribution.attribute(events: [impression], lines: [line("o1", at: t0 + hour)]).isEmpty)
    }

    @Test func whenOnAnImpressionEarns() {
        let windows = AttributionWindows(viewThrough: true)
        let lines = [line("o1", at: t0 + hour)]
        let credited = RevenueAttribution.attribute(events: [impression], lines: lines, windows: windows)
        #expect(credited.map(\.clickID) == ["i1"])
        #expect(credited.first?.clickKind == .recommendationImpression)
        let late = [line("o1", at: t0 + 24 * hour + 1)]
        #expect(RevenueAttribution.attribute(events: [impression], lines: late, windows: windows).isEmpty)
    }

    /// Even an earlier click beats a later impression: any click outranks any impression.
    @Test func aClickBeatsAnImpression() {
        let windows = AttributionWindows(viewThrough: true)
        let events = [
            widgetClick("k1", at: t0, source: "product"),
            event("i2", .recommendationImpression, at: t0 + hour, source: "home"),
        ]
        let lines = [line("o1", at: t0 + 2 * hour)]
        let credited = RevenueAttribution.attribute(events: events, lines: lines, windows: windows)
        #expect(credited.map(\.clickID) == ["k1"])
    }
}
