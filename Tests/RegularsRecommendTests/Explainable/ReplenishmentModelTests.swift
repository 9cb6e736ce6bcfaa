import Foundation
import RegularsData
import RegularsDemo
import Testing

@testable import RegularsRecommend

@Suite("ReplenishmentModel")
struct ReplenishmentModelTests {
    typealias Order = ExplainableFixtures.Order

    /// P: c1 on days 0, 10, 20, 30; c2 on days 0 (twice, an hour apart), 14, 28; c3 once on day 50.
    /// Q: four customers once each. Gaps of P: 10, 10, 10, 14, 14.
    static let book = ExplainableFixtures.snapshot(
        [
            Order("c1", day: 0, ["P"]), Order("c1", day: 10, ["P"]), Order("c1", day: 20, ["P", "Q"]),
            Order("c1", day: 30, ["P"]), Order("c2", day: 0, ["P"]), Order("c2", day: 0.04, ["P"]),
            Order("c2", day: 14, ["P"]), Order("c2", day: 28, ["P"]), Order("c3", day: 50, ["P"]),
            Order("c4", day: 5, ["Q"]), Order("c5", day: 6, ["Q"]), Order("c6", day: 7, ["Q"]),
        ], asOfDay: 62)

    static let model = ReplenishmentModel.train(on: book, asOf: ExplainableFixtures.date(62))
    static func index(_ sku: String) -> ProductIndex { book.productIndexBySKU[sku]! }
    static func customer(_ id: String) -> CustomerIndex { book.customerIndexByID[id]! }

    @Test("an item's interval is the quartiles of its gaps; purchases an hour apart are one occasion")
    func itemInterval() throws {
        let interval = try #require(Self.model.interval(of: Self.index("P")))
        #expect(interval.gapCount == 5)
        #expect(interval.days.median == 10)
        #expect(interval.days.p25 == 10)
        #expect(interval.days.p75 == 14)
        #expect(abs(interval.repeatShare - 2.0 / 3.0) < 1e-6)
        #expect(Self.model.interval(of: Self.index("Q")) == nil)
    }

    @Test("needs the minimum number of gaps")
    func minimumGaps() {
        var settings = ReplenishmentModel.Settings()
        settings.minimumGaps = 6
        let model = ReplenishmentModel.train(on: Self.book, asOf: ExplainableFixtures.date(62), settings: settings)
        #expect(model.interval(of: Self.index("P")) == nil)
        #expect(model.timing(for: Self.customer("c1")).isEmpty)
    }

    @Test("dueness is days since the last purchase over the interval, the customer's own one shrunk to the item's")
    func timing() throws {
        let c3 = try #require(Self.model.timing(for: Self.customer("c3")).first)
        #expect(!c3.isPersonal)
        #expect(c3.everyDays == 10)
        #expect(abs(c3.dueness - 1.2) < 1e-4)
        #expect(c3.dueDate == ExplainableFixtures.date(60))
        // c2's own gaps 14 and 14, with 2 pseudo-gaps at the item's 10: (2 × 14 + 2 × 10) / 4 = 12.
        let c2 = try #require(Self.model.timing(for: Self.customer("c2")).first)
        #expect(c2.isPersonal)
        #expect(c2.everyDays == 12)
        #expect(abs(c2.dueness - 34.0 / 12.0) < 1e-4)
        #expect(Self.model.timing(for: Self.customer("c4")).isEmpty)
        #expect(Self.model.usualIntervalDays(of: Self.customer("c1")) == 10)
        #expect(Self.model.usualIntervalDays(of: Self.customer("c3")) == nil)
    }

    @Test("proposes items due, closest to their due date first, and not those long overdue")
    func recommend() {
        #expect(Self.model.recommend(for: Self.customer("c3"), limit: 5).map(\.score) == [Float(1 / 1.2)])
        #expect(
            Self.model.recommend(for: Self.customer("c3"), limit: 5).first?.evidence
                == .due(everyDays: 10, dueInDays: -2))
        // c1 bought every 10 days and stopped 32 days ago: dueness 3.2 is past `lapsedAfter`.
        #expect(Self.model.recommend(for: Self.customer("c1"), limit: 5).isEmpty)
        // On day 55 c3 is at 0.5: not due yet.
        #expect(Self.model.recommend(for: Self.customer("c3"), limit: 5, asOf: ExplainableFixtures.date(55)).isEmpty)
    }

    @Test("on the demo shop, 250 g coffee bags come round about every 30 days and soy candles about every 60")
    func demoIntervals() throws {
        let snapshot = ExplainableFixtures.demoSnapshot
        let model = ReplenishmentModel.train(on: snapshot, asOf: snapshot.asOf)
        let bags = DemoShop.GroundTruth.coffeeBeans.filter { $0.hasSuffix("-250") }
        #expect(bags.count >= 5)
        for sku in bags {
            let interval = try #require(model.interval(of: ExplainableFixtures.demoProduct(sku)), "\(sku)")
            #expect((25...35).contains(interval.days.median), "\(sku): \(interval.days)")
        }
        let candles = DemoShop.GroundTruth.candles.compactMap {
            model.interval(of: ExplainableFixtures.demoProduct($0))
        }
        #expect(!candles.isEmpty)
        let medians = candles.map(\.days.median).sorted()
        #expect((50...75).contains(medians[medians.count / 2]))
    }

    @Test("on the demo shop, a regular whose bag was bought 25-35 days ago is told it is due")
    func demoDue() {
        let snapshot = ExplainableFixtures.demoSnapshot
        let model = ReplenishmentModel.train(on: snapshot, asOf: snapshot.asOf)
        let bags = Set(
            DemoShop.GroundTruth.coffeeBeans.filter { $0.hasSuffix("-250") }.map(ExplainableFixtures.demoProduct))
        let now = snapshot.asOfSeconds
        var checked = 0
        for customer in 0..<Int32(snapshot.customerCount) {
            // From the raw lines: the customer's last bag and how many orders had one.
            var last: (product: ProductIndex, time: Int64)?
            var orders = Set<Int32>()
            for line in snapshot.lines(ofCustomer: customer) where bags.contains(snapshot.lineProduct[line]) {
                last = (snapshot.lineProduct[line], snapshot.lineTime(line))
                orders.insert(snapshot.lineOrder[line])
            }
            guard let last, orders.count >= 4 else { continue }
            let days = Double(now - last.time) / 86_400
            guard (27...33).contains(days) else { continue }
            let proposed = model.recommend(for: customer, limit: 10)
            #expect(proposed.contains { $0.product == last.product }, "customer \(customer), \(days) days")
            checked += 1
        }
        #expect(checked >= 5)
    }
}
