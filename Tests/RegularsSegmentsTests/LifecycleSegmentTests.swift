import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsSegments

@Suite("Lifecycle segment rules at their boundaries")
struct LifecycleSegmentTests {
    /// Memberships by customer id for a hand-made shop.
    static func segments(_ shop: TestShop, definitions: SegmentDefinitions = .init(), pAlive: [String: Double] = [:])
        -> [String: SegmentMembership]
    {
        let snapshot = shop.snapshot()
        let probabilities = pAlive.isEmpty ? nil : snapshot.customers.map { pAlive[$0.id] }
        let memberships = LifecycleSegmenter.assign(
            snapshot, asOf: shop.asOf, definitions: definitions, probabilityAlive: probabilities)
        var byID: [String: SegmentMembership] = [:]
        for (index, membership) in memberships.enumerated() { byID[snapshot.customers[index].id] = membership }
        return byID
    }

    @Test("new means a first order in the last 30 days: day 29 is new, days 30 and 31 are not")
    func newBoundary() {
        var shop = TestShop()
        for days in [0, 29, 30, 31] { shop.order("d\(days)", daysAgo: days) }
        let s = Self.segments(shop)
        #expect(s["d0"]!.contains(.new) && s["d29"]!.contains(.new))
        #expect(!s["d30"]!.contains(.new) && !s["d31"]!.contains(.new))
        #expect(s["d29"]!.primary == .new)
        #expect(s["d30"]!.primary == .active)
    }

    @Test("a returning customer is not new even when the last order is recent")
    func returningIsNotNew() {
        var shop = TestShop()
        shop.order("c", daysAgo: 150)
        shop.order("c", daysAgo: 2)
        #expect(Self.segments(shop)["c"]!.segments == [.active])
    }

    @Test("active, lapsed and lost switch on at 60, 90 and 365 days")
    func recencyBoundaries() {
        var shop = TestShop()
        for days in [59, 60, 89, 90, 364, 365] { shop.order("d\(days)", daysAgo: days) }
        let s = Self.segments(shop)
        #expect(s["d59"]!.contains(.active) && !s["d60"]!.contains(.active))
        #expect(!s["d89"]!.contains(.lapsed) && s["d90"]!.contains(.lapsed))
        #expect(!s["d364"]!.contains(.lost) && s["d365"]!.contains(.lost))
        #expect(s["d365"]!.segments == [.lapsed, .lost] && s["d365"]!.primary == .lost)
        #expect(s["d60"]!.primary == nil)
    }

    @Test("loyal takes three orders: two are not enough, three on one day are")
    func loyalBoundary() {
        var shop = TestShop()
        shop.order("two", daysAgo: 40)
        shop.order("two", daysAgo: 20)
        for days in [45, 30, 15] { shop.order("three", daysAgo: days) }
        for hour in [9, 12, 15] { shop.order("sameDay", daysAgo: 5, hour: hour) }
        let s = Self.segments(shop)
        #expect(!s["two"]!.contains(.loyal))
        #expect(s["three"]!.contains(.loyal) && s["three"]!.primary == .loyal)
        #expect(s["sameDay"]!.contains(.loyal))
    }

    @Test("at risk: more than twice the customer's median gap since the last order")
    func overdue() {
        var shop = TestShop()
        for days in [40, 30, 20] { shop.order("late", daysAgo: days + 1) }
        for days in [40, 30, 20] { shop.order("onTime", daysAgo: days) }
        shop.order("once", daysAgo: 80)
        let s = Self.segments(shop)
        #expect(s["late"]!.contains(.atRisk) && s["late"]!.primary == .atRisk)  // 21 > 2 × 10
        #expect(!s["onTime"]!.contains(.atRisk))  // 20 is not more than 2 × 10
        #expect(!s["once"]!.contains(.atRisk))  // no rhythm to be late against
    }

    @Test("at risk, too, when predictions give P(alive) below the threshold")
    func lowProbabilityAlive() {
        var shop = TestShop()
        shop.order("a", daysAgo: 10)
        shop.order("a", daysAgo: 5)
        shop.order("b", daysAgo: 10)
        shop.order("b", daysAgo: 5)
        let s = Self.segments(shop, pAlive: ["a": 0.29, "b": 0.31])
        #expect(s["a"]!.contains(.atRisk))
        #expect(!s["b"]!.contains(.atRisk))
    }

    @Test("high spenders are the top tenth by total spend")
    func highSpenders() {
        var shop = TestShop()
        for i in 1...20 { shop.order("c\(i)", daysAgo: 10, total: Double(i) * 10) }
        let s = Self.segments(shop)
        let high = s.filter { $0.value.contains(.highSpender) }.keys.sorted()
        #expect(high == ["c19", "c20"])
        #expect(s["c20"]!.primary == .new)  // new outranks high spender
        #expect(LifecycleSegmenter.highSpenderThreshold((1...9).map { Money(units: $0) }, topShare: 0.1) == nil)
        let tiedAtCut = [50, 40, 40, 40, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10].map {
            Money(units: $0)
        }
        #expect(LifecycleSegmenter.highSpenderThreshold(tiedAtCut, topShare: 0.1) == Money(units: 50))
        let allEqual = [Money](repeating: Money(units: 7), count: 30)
        #expect(LifecycleSegmenter.highSpenderThreshold(allEqual, topShare: 0.1) == nil)
    }

    @Test("gift buyers: a gift product by title, tag or category, as whole words")
    func giftProducts() {
        var shop = TestShop()
        shop.product("SET", title: "Candle gift set")
        shop.product("CARD", title: "Voucher", tags: ["Gift-Card"])
        shop.product("BOX", title: "Tea tin", category: "Gifts")
        shop.product("WARE", title: "Giftware mug")
        for (customer, sku) in [("set", "SET"), ("card", "CARD"), ("box", "BOX"), ("ware", "WARE")] {
            shop.order(customer, daysAgo: 100, sku: sku)
        }
        let s = Self.segments(shop)
        #expect(s["set"]!.contains(.giftBuyer) && s["card"]!.contains(.giftBuyer) && s["box"]!.contains(.giftBuyer))
        #expect(!s["ware"]!.contains(.giftBuyer))
    }

    @Test("gift buyers: at least half of two or more orders in November and December")
    func giftSeason() {
        var shop = TestShop()
        shop.order("half", on: "2023-11-20")
        shop.order("half", on: "2024-03-01")
        shop.order("third", on: "2023-12-20")
        shop.order("third", on: "2024-02-01")
        shop.order("third", on: "2024-03-01")
        shop.order("single", on: "2023-12-10")
        let s = Self.segments(shop)
        #expect(s["half"]!.contains(.giftBuyer))
        #expect(!s["third"]!.contains(.giftBuyer))
        #expect(!s["single"]!.contains(.giftBuyer))
    }

    @Test("the priority is a setting, and customers without orders get no membership")
    func priorityAndEmpty() {
        var shop = TestShop()
        for days in [200, 150, 100] { shop.order("loyalLapsed", daysAgo: days) }
        var definitions = SegmentDefinitions()
        #expect(Self.segments(shop, definitions: definitions)["loyalLapsed"]!.primary == .lapsed)
        definitions.priority = [.loyal] + definitions.priority.filter { $0 != .loyal }
        #expect(Self.segments(shop, definitions: definitions)["loyalLapsed"]!.primary == .loyal)
        var builder = SnapshotBuilder(asOf: shop.asOf)
        builder.add(customer: Customer(id: "browser"))
        #expect(LifecycleSegmenter.assign(builder.build(), asOf: shop.asOf) == [nil])
    }

    @Test("an asOf during the day counts that day's earlier orders as 0 days ago")
    func midDayAsOf() {
        var builder = SnapshotBuilder(asOf: Fixtures.day("2024-07-01"))
        let morning = Fixtures.day("2024-06-30").addingTimeInterval(9 * 3_600)
        builder.add(
            line: .init(orderID: "1", customerID: "c", orderedAt: Int64(morning.timeIntervalSince1970), sku: "P"))
        builder.add(
            line: .init(
                orderID: "2", customerID: "c", orderedAt: Int64(morning.timeIntervalSince1970) + 7_200, sku: "P"))
        let snapshot = builder.build()
        let activity = LifecycleSegmenter.activities(
            snapshot, asOf: morning.addingTimeInterval(3_600), definitions: .init())
        #expect(activity[0]?.orders == 1)
        #expect(activity[0]?.daysSinceLastOrder == 0)
    }
}

@Suite("The seasonal dimension")
struct SeasonSegmentTests {
    @Test("a summer-only customer is summer's; year-round and one-off customers have no season")
    func summerOnly() {
        var shop = TestShop()
        for day in ["2022-07-14", "2022-08-02", "2023-06-20", "2023-07-11"] { shop.order("summer", on: day) }
        for day in ["2023-09-14", "2023-12-02", "2024-03-20", "2024-06-11"] { shop.order("yearRound", on: day) }
        shop.order("once", on: "2024-06-01")
        for day in ["2023-12-10", "2023-12-20", "2024-01-15", "2024-05-15"] { shop.order("winter", on: day) }
        let s = LifecycleSegmentTests.segments(shop)
        #expect(s["summer"]?.season == .summer)
        #expect(s["yearRound"]?.season == nil)
        #expect(s["once"]?.season == nil)
        #expect(s["winter"]?.season == .winter, "three of four order days in winter: 0.75")
        // Lapsed and summer: "bought in summer, nothing since" is a lifecycle segment and a season together.
        #expect(s["summer"]?.contains(.lapsed) == true)
        var southern = SegmentDefinitions()
        southern.southernHemisphere = true
        #expect(LifecycleSegmentTests.segments(shop, definitions: southern)["summer"]?.season == .winter)
        #expect(Season.of(month: 1, southernHemisphere: true) == .summer)
    }

    @Test("the prediction report and its JSON carry the season")
    func reported() throws {
        var shop = TestShop()
        for day in ["2022-06-14", "2022-08-02", "2023-06-20"] { shop.order("summer", on: day) }
        let report = PredictionReport.make(snapshot: shop.snapshot(), asOf: shop.asOf)
        let customer = try #require(report.prediction(for: "summer"))
        #expect(customer.season == .summer)
        let json = String(decoding: try JSONEncoder().encode(customer), as: UTF8.self)
        #expect(json.contains(#""season":"summer""#))
        #expect(try JSONDecoder().decode(CustomerPrediction.self, from: Data(json.utf8)).season == .summer)
    }
}
