import Foundation
import RegularsData
import RegularsShop
import RegularsTestSupport
import Testing

@testable import RegularsCLI

@Suite("regulars shops: the Shopify connection and the webhooks received")
struct ShopsCommandTests {
    @Test("update connects the shop, list shows the domain and never the secret, deliveries lists outcomes")
    func connectAndList() async throws {
        let store = try Fixtures.temporaryDirectory().appendingPathComponent("shop.sqlite").path
        let secret = "do-not-print-this-secret"
        let before = await CLI.run(["shops", "list", "--store", store])
        #expect(before.status == 0)
        #expect(before.stdout.contains("Shopify: not connected"))

        let bad = await CLI.run([
            "shops", "update", "--store", store, "--shopify-domain", "https://x/", "--webhook-secret", secret,
        ])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--shopify-domain"))
        let update = await CLI.run([
            "shops", "update", "--store", store, "--shopify-domain", "My-Shop.myshopify.com", "--webhook-secret",
            secret,
        ])
        #expect(update.status == 0)
        #expect(!update.stdout.contains(secret) && !update.stderr.contains(secret))

        let shop = try Shop(storePath: store, clock: { Fixtures.day("2024-06-30") })
        #expect(
            try shop.shopifyConnection() == ShopifyConnection(domain: "my-shop.myshopify.com", webhookSecret: secret))
        _ = try shop.store.record(
            delivery: WebhookDelivery(
                id: "d-1", topic: "orders/create", receivedAt: 1_719_700_000, payload: Data("{}".utf8)))
        try shop.store.finish(
            delivery: "d-1", at: 1_719_700_001, outcome: nil, error: "created_at: missing", namedErased: false)

        let list = await CLI.run(["shops", "list", "--store", store])
        #expect(list.stdout.contains("Shopify: my-shop.myshopify.com"))
        #expect(list.stdout.contains("1 pending, 0 processed, 0 parked"))
        #expect(!list.stdout.contains(secret))
        let deliveries = await CLI.run(["shops", "deliveries", "--store", store, "--json"])
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(deliveries.stdout.utf8)) as? [[String: String]])
        #expect(rows.map { $0["error"] } == ["created_at: missing"])
        #expect(rows.map { $0["attempts"] } == ["1"])
    }
}

@Suite("regulars data-request: what the store holds about one customer")
struct DataRequestCommandTests {
    @Test("writes their lines and e-mail to an owner-only file, which a later forget removes")
    func writesAndForgets() async throws {
        let folder = try await CLI.demoFolder()
        let store = folder.appendingPathComponent("regulars-demo.sqlite").path
        let shop = try Shop(storePath: store, clock: { Fixtures.day("2025-06-30") })
        let snapshot = try shop.store.snapshot(asOf: Fixtures.day("2025-07-01"))
        let customer = try #require(
            snapshot.customers.first {
                $0.email != nil && snapshot.orders(of: snapshot.customerIndexByID[$0.id]!).count >= 2
            })
        let reply = await CLI.run(["data-request", "--store", store, customer.email!, "--name", "t1", "--json"])
        #expect(reply.status == 0)
        let file = try #require(
            (try JSONSerialization.jsonObject(with: Data(reply.stdout.utf8)) as? [String: String])?["file"])
        let export = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        #expect(export["customer_ids"] as? [String] == [customer.id])
        let lines = try #require(export["order_lines"] as? [[String: Any]])
        #expect(lines.count == snapshot.lines(ofCustomer: snapshot.customerIndexByID[customer.id]!).count)
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        #expect(await CLI.run(["forget", "--store", store, customer.email!]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}
