import Foundation
import RegularsData
import RegularsShop
import RegularsTestSupport
import Testing

/// Shopify's webhooks processed as the server processes them (`Shop.process(delivery:)`), against real SQLite
/// stores, and compared with the orders export that the same orders would be in.
@Suite("Shopify webhooks: processing")
struct ShopifyWebhookProcessingTests {
    static let today = Fixtures.day("2024-06-30")

    static func makeShop() throws -> Shop {
        let folder = try Fixtures.temporaryDirectory()
        return try Shop(storePath: folder.appendingPathComponent("shop.sqlite").path, clock: { today })
    }

    /// An order webhook's body, as Shopify's REST Admin API sends it (the fields Regulars reads and a few it does not).
    static func orderBody(
        name: String = "#1230", email: String? = "ana.silva@example.com", cancelled: Bool = false,
        status: String = "paid", total: String? = "43.56",
        lines: [(sku: String, name: String, quantity: Int, price: String)] = [
            ("LODGE-L8SK3", "Lodge Cast-Iron Skillet - 10.25 in", 1, "29.90"),
            ("CI-CARE-KIT", "Cast-Iron Care Kit", 1, "18.50"),
        ]
    ) -> Data {
        var order: [String: Any] = [
            "id": 820_982_911_946_154_508, "name": name, "created_at": "2012-01-01T11:13:13-05:00",
            "financial_status": status, "currency": "USD", "source_name": "web", "buyer_accepts_marketing": true,
            "discount_codes": [["code": "WELCOME10", "amount": "4.84", "type": "percentage"]],
            "billing_address": ["name": "Ana Silva", "zip": "02928", "phone": NSNull()],
            "shipping_address": ["name": "Ana Silva", "zip": "02928"],
            "cancelled_at": cancelled ? "2012-01-02T10:00:00-05:00" : NSNull(),
            "line_items": lines.enumerated().map { index, line in
                [
                    "id": 466_157_049 + index, "sku": line.sku, "name": line.name, "title": line.name,
                    "quantity": line.quantity, "price": line.price, "product_id": 632_910_392,
                ] as [String: Any]
            },
        ]
        if let email { order["email"] = email }
        if let total { order["total_price"] = total }
        return try! JSONSerialization.data(withJSONObject: order, options: [.sortedKeys])
    }

    static func delivery(_ topic: ShopifyTopic, _ body: Data, id: String = UUID().uuidString) -> WebhookDelivery {
        WebhookDelivery(id: id, topic: topic.rawValue, receivedAt: 1_719_700_000, payload: body)
    }

    /// What a store holds of orders and customers, in a comparable form.
    static func contents(_ store: any Store) throws -> [String] {
        let snapshot = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        let lines = try store.placedLines(from: 0, to: Int64.max).map {
            "line \($0.orderID) \($0.position) \($0.customerID ?? "-") \($0.at) \($0.sku) \($0.quantity) "
                + "\($0.unitPrice)"
        }
        let customers = snapshot.customers.map {
            "customer \($0.id) \($0.email ?? "-") \($0.firstName ?? "-") \($0.acceptsMarketing)"
        }
        let orders = snapshot.orderIDs.indices.map { "order \(snapshot.orderIDs[$0]) \(snapshot.orderTotal[$0])" }
        return (lines + customers + orders).sorted()
    }

    @Test("an order sent by webhook is stored exactly as the same order imported from the orders export")
    func sameRowsAsTheExport() throws {
        let exported = try TemporaryStore.make()
        let header = [
            "Name", "Email", "Financial Status", "Accepts Marketing", "Currency", "Total", "Discount Code",
            "Created at",
            "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku", "Billing Name", "Billing Zip",
            "Shipping Zip", "Source",
        ]
        let rows = [
            [
                "#1230", "ana.silva@example.com", "paid", "yes", "USD", "43.56", "WELCOME10",
                "2012-01-01 11:13:13 -0500", "1", "Lodge Cast-Iron Skillet - 10.25 in", "29.90", "LODGE-L8SK3",
                "Ana Silva", "02928", "02928", "web",
            ],
            [
                "#1230", "ana.silva@example.com", "", "", "", "", "", "2012-01-01 11:13:13 -0500", "1",
                "Cast-Iron Care Kit", "18.50", "CI-CARE-KIT", "", "", "", "",
            ],
        ]
        let csv = try TemporaryStore.file(
            named: "orders_export.csv",
            ([header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n")
        _ = try Importer.importOrders(from: csv, format: .shopify, into: exported)

        let shop = try Self.makeShop()
        let outcome = try shop.process(delivery: Self.delivery(.ordersCreate, Self.orderBody()))
        #expect(outcome.summary == "order stored, 2 lines")
        let fromWebhook = try Self.contents(shop.store)
        #expect(fromWebhook.count == 4)
        #expect(fromWebhook == (try Self.contents(exported)))
        // The customer is keyed by e-mail, as the export's import keys them: never the e-mail itself.
        #expect(fromWebhook.contains { $0.hasPrefix("customer \(StableID.customer(email: "ana.silva@example.com")) ") })
    }

    @Test(
        "an update replaces the order's lines, a cancellation or a full refund removes it; repeats change nothing"
    )
    func updatesAndCancellations() throws {
        let shop = try Self.makeShop()
        _ = try shop.process(
            delivery: Self.delivery(
                .ordersCreate,
                Self.orderBody(lines: [("A", "Mug", 2, "8.00"), ("B", "Tea", 1, "5.00"), ("C", "Spoon", 3, "1.50")])))
        #expect(try shop.store.statistics().orderLines == 3)
        let update = Self.delivery(
            .ordersUpdated, Self.orderBody(lines: [("A", "Mug", 1, "8.00"), ("B", "Tea", 0, "5.00")]))
        #expect(try shop.process(delivery: update).summary == "order stored, 1 line")
        #expect(try shop.process(delivery: update).summary == "order stored, 1 line")
        let lines = try shop.store.placedLines(from: 0, to: Int64.max)
        #expect(lines.map(\.sku) == ["A"] && lines.map(\.quantity) == [1])

        #expect(
            try shop.process(delivery: Self.delivery(.ordersCancelled, Self.orderBody(cancelled: true))).summary
                == "cancelled order removed")
        #expect(try shop.store.statistics().orders == 0)
        #expect(try shop.store.statistics().orderLines == 0)
        #expect(
            try shop.process(delivery: Self.delivery(.ordersCancelled, Self.orderBody(cancelled: true))).summary
                == "cancelled order: nothing was stored")

        _ = try shop.process(delivery: Self.delivery(.ordersCreate, Self.orderBody(name: "#2000")))
        #expect(
            try shop.process(
                delivery: Self.delivery(.ordersUpdated, Self.orderBody(name: "#2000", status: "refunded"))
            ).summary
                == "refunded order removed")
        #expect(try shop.store.statistics().orders == 0)
    }

    @Test("a body Regulars cannot use is refused naming its field, and nothing is stored")
    func brokenBodies() throws {
        let shop = try Self.makeShop()
        let badPrice = Self.orderBody(lines: [("A", "Mug", 1, "8.00"), ("B", "Tea", 1, "five")])
        #expect(throws: ShopifyPayloadError(field: "line_items[1].price", "expected an amount such as 19.95")) {
            try shop.process(delivery: Self.delivery(.ordersCreate, badPrice))
        }
        let noDate = Data(##"{"name": "#1", "line_items": []}"##.utf8)
        #expect(throws: ShopifyPayloadError(field: "created_at", "missing")) {
            try shop.process(delivery: Self.delivery(.ordersCreate, noDate))
        }
        #expect(throws: ShopifyPayloadError.self) {
            try shop.process(delivery: Self.delivery(.productsCreate, Data("not json".utf8)))
        }
        #expect(try shop.store.statistics().orders == 0)
        #expect(try shop.store.statistics().products == 0)
    }

    @Test("a product webhook stores one product per variant, by the products export's rules")
    func products() throws {
        let shop = try Self.makeShop()
        let body = """
            {"id": 632910392, "title": "Enamel Mug", "handle": "enamel-mug",
             "body_html": "<p>Keeps tea <b>hot</b>.</p>",
             "vendor": "Falcon", "product_type": "Kitchen", "tags": "gift, sensitive", "status": "active",
             "variants": [
               {"sku": "MUG-S", "price": "12.00", "option1": "Small", "inventory_quantity": 4},
               {"sku": "", "price": "14.50", "compare_at_price": "16.00", "option1": "Large Blue"}]}
            """
        #expect(
            try shop.process(delivery: Self.delivery(.productsCreate, Data(body.utf8))).summary == "2 products stored")
        let snapshot = try shop.store.snapshot(asOf: Self.today)
        let skus = Set(snapshot.products.map(\.sku))
        #expect(skus == ["MUG-S", "enamel-mug-large-blue"])
        let large = try #require(snapshot.products.first { $0.sku == "enamel-mug-large-blue" })
        #expect(large.title == "Enamel Mug - Large Blue")
        #expect(snapshot.categories[Int(large.category)] == "Kitchen")
        #expect(try shop.store.statistics().sensitiveProducts == 2)
    }

    @Test("customers/redact erases them; their later orders and pending bodies are refused or dropped")
    func redaction() throws {
        let shop = try Self.makeShop()
        _ = try shop.process(delivery: Self.delivery(.ordersCreate, Self.orderBody()))
        // A delivery still waiting names the customer: erasure must not leave their details in its body.
        let waiting = Self.delivery(.ordersUpdated, Self.orderBody(email: "Ana.Silva@Example.com"), id: "waiting")
        #expect(try shop.store.record(delivery: waiting))
        let other = Self.delivery(.ordersCreate, Self.orderBody(name: "#3000", email: "bo@example.com"), id: "other")
        #expect(try shop.store.record(delivery: other))

        let redactText =
            #"{"shop_id": 954889, "shop_domain": "s.myshopify.com", "orders_to_redact": [299938], "#
            + #""customer": {"id": 191167, "email": "ana.silva@example.com", "phone": "555-625-1199"}}"#
        let redact = Data(redactText.utf8)
        let outcome = try shop.process(delivery: Self.delivery(.customersRedact, redact))
        #expect(outcome.erasure?.ordersRemoved == 1)
        #expect(try shop.store.statistics().orders == 0)
        #expect(try shop.store.statistics().customers == 0)
        let pending = try shop.store.pendingDeliveries(dueAt: Int64.max, limit: 10)
        #expect(pending.map(\.id) == ["other"])
        #expect(pending.first?.payload != nil)
        let dropped = try #require(try shop.store.deliveries(limit: 10).first { $0.id == "waiting" })
        #expect(dropped.state == .done)
        #expect(dropped.outcome == "dropped: it named a customer who was erased")
        // The same customer's order sent again is not stored.
        #expect(
            try shop.process(delivery: Self.delivery(.ordersCreate, Self.orderBody())).summary
                == "skipped: customer erased")
        #expect(try shop.store.statistics().customers == 0)
    }

    @Test("customers/data_request writes what the store holds of them, and a later erasure removes that file")
    func dataRequest() throws {
        let shop = try Self.makeShop()
        _ = try shop.process(delivery: Self.delivery(.ordersCreate, Self.orderBody()))
        _ = try shop.process(
            delivery: Self.delivery(.ordersCreate, Self.orderBody(name: "#9", email: "bo@example.com")))
        let request = Data(
            #"{"customer": {"id": 1, "email": "ana.silva@example.com"}, "data_request": {"id": 9999}}"#.utf8)
        let outcome = try shop.process(delivery: Self.delivery(.customersDataRequest, request, id: "req-1"))
        let url = shop.dataRequestFolder.appendingPathComponent("data-request-req-1.json")
        #expect(outcome.summary == "the customer's data is in \(url.path)")
        let export = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(export["emails"] as? [String] == ["ana.silva@example.com"])
        let lines = try #require(export["order_lines"] as? [[String: Any]])
        #expect(lines.map { $0["sku"] as? String } == ["LODGE-L8SK3", "CI-CARE-KIT"])
        #expect(!String(decoding: try Data(contentsOf: url), as: UTF8.self).contains("bo@example.com"))

        _ = try shop.erase(customer: "ana.silva@example.com")
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}
