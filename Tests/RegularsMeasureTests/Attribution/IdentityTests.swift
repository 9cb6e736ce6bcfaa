import RegularsData
import RegularsMeasure
import Testing

/// Clicks made in a session before the shopper logs in still earn the order they place afterwards.
struct IdentityTests {
    @Test func aGuestClickEarnsTheOrderAfterLoginInTheSameSession() {
        let events = [
            widgetClick("k1", at: t0, customer: nil, session: "s1"),
            event("v1", .productView, at: t0 + 600, customer: "c1", session: "s1", sku: "Q"),
        ]
        let credited = RevenueAttribution.attribute(events: events, lines: [line("o1", at: t0 + hour)])
        #expect(credited.map(\.clickID) == ["k1"])
        #expect(credited.first?.customerID == "c1")
    }

    @Test func withoutALoginTheGuestClickStaysAnonymous() {
        let events = [widgetClick("k1", at: t0, customer: nil, session: "s1")]
        #expect(RevenueAttribution.attribute(events: events, lines: [line("o1", at: t0 + hour)]).isEmpty)
    }

    /// The link does not depend on time: logging in after the order still ties the session to the customer.
    @Test func theLinkIgnoresWhenItWasMade() {
        let events = [
            widgetClick("k1", at: t0, customer: nil, session: "s1"),
            event("v1", .productView, at: t0 + day, customer: "c1", session: "s1"),
        ]
        #expect(RevenueAttribution.attribute(events: events, lines: [line("o1", at: t0 + hour)]).count == 1)
    }

    @Test func anOrderLineCarryingTheSessionLinksIt() {
        let events = [widgetClick("k1", at: t0, customer: nil, session: "s2")]
        let lines = [line("o1", customer: "c2", session: "s2", at: t0 + hour)]
        #expect(RevenueAttribution.attribute(events: events, lines: lines).map(\.clickID) == ["k1"])
    }

    /// The link made by one order serves the customer's other orders too.
    @Test func aSessionLinkedByOneOrderServesAnother() {
        let events = [widgetClick("k1", at: t0, customer: nil, session: "s2", sku: "Y")]
        let lines = [
            line("o1", customer: "c2", session: "s2", at: t0 + day, sku: "Z"),
            line("o2", customer: "c2", at: t0 + hour, sku: "Y"),
        ]
        #expect(RevenueAttribution.attribute(events: events, lines: lines).map(\.key.orderID) == ["o2"])
    }

    @Test func aGuestOrderIsMatchedThroughItsSession() {
        let events = [widgetClick("k1", at: t0, customer: nil, session: "s3")]
        let lines = [line("o1", customer: nil, session: "s3", at: t0 + hour)]
        let credited = RevenueAttribution.attribute(events: events, lines: lines)
        #expect(credited.map(\.clickID) == ["k1"])
        #expect(credited.first?.customerID == nil)
        let noSession = [line("o1", customer: nil, at: t0 + hour)]
        #expect(RevenueAttribution.attribute(events: events, lines: noSession).isEmpty)
    }

    /// A shared device: a click that carries another customer's id stays theirs, even on a session both used.
    @Test func anotherLoggedInCustomersClickOnASharedSessionStaysTheirs() {
        let events = [
            widgetClick("k1", at: t0, customer: "c9", session: "s1"),
            event("v1", .productView, at: t0 + 60, customer: "c1", session: "s1"),
        ]
        #expect(RevenueAttribution.attribute(events: events, lines: [line("o1", at: t0 + hour)]).isEmpty)
    }
}
