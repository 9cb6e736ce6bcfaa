import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@Suite("Recommendation activity per placement")
struct RecommendationActivityTests {
    static let day: Int64 = 86_400
    static let start = Int64(Fixtures.day("2024-06-01").timeIntervalSince1970)

    static func event(
        _ id: String, _ kind: ShopEvent.Kind, day: Int64, session: String? = "s1", customer: String? = nil,
        sku: String = "OIL", source: String? = "cart"
    ) -> ShopEvent {
        ShopEvent(
            id: id, kind: kind, at: start + day * Self.day, customerID: customer, sessionID: session, sku: sku,
            recommendationID: kind == .purchase ? nil : "r-\(id)", source: kind == .purchase ? nil : source)
    }

    @Test("a purchase counts for the placement whose click on the same product came at most 7 days before it")
    func attribution() throws {
        let store = try TemporaryStore.make()
        try store.write { try $0.upsert(product: Product(sku: "OIL", title: "Oil", price: Money(parsing: "12.50"))) }
        let events = [
            Self.event("i1", .recommendationImpression, day: 0), Self.event("i2", .recommendationImpression, day: 0),
            Self.event("i3", .recommendationImpression, day: 0, source: "home"),
            Self.event("c1", .recommendationClick, day: 0),
            Self.event("p1", .purchase, day: 3),  // counts: same session, 3 days after the click
            Self.event("p2", .purchase, day: 9),  // too late
            Self.event("p3", .purchase, day: 1, session: "s2"),  // another visitor
            Self.event("p4", .purchase, day: 1, sku: "LID"),  // another product
        ]
        #expect(try store.record(events: events, receivedAt: Fixtures.day("2024-06-30")) == events.count)
        let activity = try store.recommendationActivity(since: Self.start)
        #expect(activity.map(\.placement) == ["cart", "home"])
        let cart = activity[0]
        #expect(cart.impressions == 2 && cart.clicks == 1)
        #expect(cart.clickThroughRate == 0.5)
        #expect(cart.attributedPurchases == 1)
        #expect(cart.attributedRevenue == Money(parsing: "12.50"))
        #expect(activity[1].clicks == 0 && activity[1].clickThroughRate == 0)
        // A later period holds the purchase but not the click that led to it: still credited to the cart.
        let later = try store.recommendationActivity(since: Self.start + Self.day)
        #expect(later.map(\.placement) == ["cart"])
        #expect(later.first?.impressions == 0 && later.first?.attributedPurchases == 1)
    }
}
