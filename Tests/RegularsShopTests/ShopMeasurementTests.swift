import Foundation
import RegularsContent
import RegularsData
import RegularsMeasure
import RegularsSegments
import RegularsShop
import RegularsTestSupport
import Testing

/// Baselines, the permanent holdout and campaign sends, on small hand-made shops with known answers.
@Suite("A shop's measurement: baseline then and now, the permanent holdout, e-mail sends")
struct ShopMeasurementTests {
    static let day: TimeInterval = 86_400
    static let start = Fixtures.day("2024-03-01")

    /// A shop whose clock reads `clock`, with `orders`: (customer, day offset from `start`, amount).
    static func shop(clock: Date, orders: [(String, Int, Int64)]) throws -> Shop {
        let folder = try Fixtures.temporaryDirectory()
        let shop = try Shop(storePath: folder.appendingPathComponent("shop.sqlite").path, clock: { clock })
        try shop.store.write { writer in
            for (index, (customer, offset, amount)) in orders.enumerated() {
                let order = Order(
                    id: "O-\(index)", customerID: customer, createdAt: start.addingTimeInterval(Double(offset) * day),
                    total: Money(units: amount * Money.scale))
                try writer.ensureCustomer(customer)
                try writer.ensureProduct(sku: "S", title: "Soap", category: nil)
                try writer.upsert(order: order)
                try writer.upsert(
                    line: OrderLine(
                        orderID: order.id, position: 1, sku: "S", productName: "Soap", quantity: 1,
                        unitPrice: Money(units: amount * Money.scale)))
            }
        }
        return shop
    }

    @Test("the baseline freezes 30 days of figures; later the report shows then, now and the change")
    func baseline() throws {
        // Then (days 0–29): 4 orders of 10 by four customers, one of whom (c1) ordered before too (day −20).
        // Now (days 30–59): 4 orders of 20 by the same four; all four have an earlier order.
        var orders: [(String, Int, Int64)] = [("c1", -20, 10)]
        for (index, customer) in ["c1", "c2", "c3", "c4"].enumerated() {
            orders.append((customer, 2 + index, 10))
            orders.append((customer, 32 + index, 20))
        }
        let thenShop = try Self.shop(clock: Self.start.addingTimeInterval(30 * Self.day), orders: orders)
        let frozen = try thenShop.setBaseline()
        #expect(frozen.orders == 4)
        #expect(frozen.averageOrderValue == 10)
        #expect(frozen.repeatRate == 0.25)
        let nowShop = try Shop(
            store: thenShop.store, storePath: thenShop.storePath,
            clock: { Self.start.addingTimeInterval(60 * Self.day) })
        let comparison = try #require(try nowShop.baselineComparison())
        let rows = Dictionary(uniqueKeysWithValues: comparison.rows.map { ($0.figure, $0) })
        let aov = try #require(rows["average order value"])
        #expect(aov.then == 10 && aov.now == 20)
        #expect(aov.change == 1)
        let repeatRate = try #require(rows["repeat-purchase rate"])
        #expect(repeatRate.then == 0.25 && repeatRate.now == 1)
        let change = try #require(repeatRate.change)
        #expect(abs(change - 3) < 1e-9, "1 of 4 to 4 of 4 is four times the rate")
        let low = try #require(repeatRate.changeLow)
        let high = try #require(repeatRate.changeHigh)
        #expect(low < 0 && high > change, "four customers cannot tell: the interval is wide and includes no change")
        #expect(rows["orders per week"]?.change == 0)
    }

    @Test("the permanent holdout: a stable share of customers, the same after a change of percentage, and off")
    func permanentHoldout() throws {
        let shop = try Self.shop(clock: Self.start, orders: [])
        let ten = try #require(try shop.setPermanentHoldout(percent: 10))
        #expect(ten.heldOutPercent == 10)
        let customers = (0..<5_000).map { "customer-\($0)" }
        let heldAtTen = Set(customers.filter { Shop.isHeldOut($0, by: ten) })
        #expect(abs(Double(heldAtTen.count) / 5_000 - 0.10) < 0.015)
        let twenty = try #require(try shop.setPermanentHoldout(percent: 20))
        #expect(twenty.name != ten.name)
        let heldAtTwenty = Set(customers.filter { Shop.isHeldOut($0, by: twenty) })
        #expect(heldAtTen.isSubset(of: heldAtTwenty), "raising the share adds customers, never swaps them")
        #expect(try shop.setPermanentHoldout(percent: 0) == nil)
        #expect(try shop.permanentHoldout() == nil)
        #expect(throws: ExperimentSpecError.self) { try shop.setPermanentHoldout(percent: 80) }
    }

    @Test("a campaign's links carry utm tags and an opaque token that maps back to its recipient; sends count once")
    func campaignLinksAndSends() throws {
        let key = [UInt8](repeating: 7, count: 32)
        let links = CampaignLinks(campaign: "lapsed-2024-03-01", key: key)
        let tagged = links.tag("https://shop.example/products/soap", customer: "c1", sku: "S-1")
        let items = URLComponents(string: tagged)?.queryItems ?? []
        let query = Dictionary(uniqueKeysWithValues: items.map { ($0.name, $0.value ?? "") })
        #expect(query["utm_source"] == "regulars")
        #expect(query["utm_medium"] == "email")
        #expect(query["utm_campaign"] == "lapsed-2024-03-01")
        #expect(query["rg_sku"] == "S-1")
        let token = try #require(query["rg"])
        #expect(!tagged.contains("c1"), "the customer's id never appears in a link")
        #expect(token == links.token(for: "c1"))
        #expect(token != links.token(for: "c2"))

        let shop = try Self.shop(clock: Self.start, orders: [("c1", -3, 10)])
        let send = EmailSend(campaign: "lapsed-2024-03-01", customerID: "c1", at: 1, token: token)
        try shop.store.record(sends: [send, send])
        #expect(try shop.store.emailSends(from: 0, to: 2).count == 1)
        #expect(try shop.store.emailSend(token: token)?.customerID == "c1")
        _ = try shop.erase(customer: "c1")
        #expect(try shop.store.emailSend(token: token) == nil, "erasure removes the customer's sends")
    }
}
