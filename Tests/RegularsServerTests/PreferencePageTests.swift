import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import RegularsRecommend
import RegularsTestSupport
import Testing

@testable import RegularsServer

@Suite("The preference page: signed links, stated preferences, erasure")
struct PreferencePageTests {
    /// The skillet shop plus a Garden category other customers buy from and C-1 never did.
    static func server() throws -> TestServer {
        let server = try RecommendationRoutesTests.trainedServer()
        try server.store.write { writer in
            for (sku, title, price) in [("SPADE", "Border spade", "30.00"), ("GLOVES", "Garden gloves", "9.00")] {
                try writer.upsert(
                    product: Product(sku: sku, title: title, category: "Garden", price: Money(parsing: price)))
            }
            for c in 11...16 {
                try writer.ensureCustomer("C-\(c)")
                let order = Order(
                    id: "G-\(c)", customerID: "C-\(c)", createdAt: Fixtures.day("2024-06-\(10 + c)"),
                    total: Money(units: 390_000))
                try writer.upsert(order: order)
                for (position, sku) in ["SPADE", "GLOVES"].enumerated() {
                    try writer.upsert(
                        line: OrderLine(
                            orderID: order.id, position: position + 1, sku: sku, productName: sku, quantity: 1,
                            unitPrice: Money(units: 195_000)))
                }
            }
        }
        let models = ModelSet.train(on: try server.store.snapshot(asOf: TestServer.today), trainedAt: TestServer.today)
        _ = try ModelDirectory(storePath: server.storePath).save(models)
        return server
    }

    static func form(_ fields: String) -> HTTPFields { [.contentType: "application/x-www-form-urlencoded"] }

    static func reasons(_ reply: Reply) -> [String] {
        (reply.json["items"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
    }

    @Test("an answer through the signed link changes the customer's next recommendations, with its reason")
    func answerChangesRecommendations() async throws {
        let server = try Self.server()
        let token = PreferenceLink.token(
            customer: "C-1", key: try server.store.customerTokenKey(), now: TestServer.today)
        try await server.run { client in
            let path = "/v1/recommendations?placement=home&customer=C-1&n=6"
            let before = try await client.send(.get, path, key: server.secretKey)
            #expect(!Self.reasons(before).contains("Because you told us you like Garden"))
            let page = try await client.send(.get, "/preferences?t=\(token)")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"value="Garden""#) && page.text.contains(#"value="Kitchen""#))
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let saved = try await client.send(
                .post, "/preferences", body: "t=\(token)&category%5B%5D=Garden&fewer=on",
                headers: Self.form(""))
            #expect(saved.status == .ok, "\(saved.text)")
            #expect(saved.text.contains("Saved: Likes Garden; Asked for fewer e-mails."))
            let stored = try #require(try server.store.statedPreferences(at: TestServer.today)["C-1"])
            #expect(stored.categories == ["Garden"] && stored.fewerEmails)
            #expect(stored.expiresAt.timeIntervalSince(TestServer.today) > 360 * 86_400)
            let after = try await client.send(.get, path, key: server.secretKey)
            #expect(Self.reasons(after).contains("Because you told us you like Garden"), "\(after.text)")
            // The page now shows the answer, ticked.
            let again = try await client.send(.get, "/preferences?t=\(token)")
            #expect(again.text.contains(#"value="Garden" checked"#))
            // A category the page never offered is not stored.
            _ = try await client.send(
                .post, "/preferences", body: "t=\(token)&category%5B%5D=Weapons", headers: Self.form(""))
            #expect(try server.store.statedPreferences(at: TestServer.today)["C-1"]?.categories == [])
        }
    }

    @Test("a tampered, expired or foreign link is refused and stores nothing")
    func refused() async throws {
        let server = try Self.server()
        let key = try server.store.customerTokenKey()
        let good = PreferenceLink.token(customer: "C-1", key: key, now: TestServer.today)
        // One character changed in the sealed box; and the link does not show whose it is.
        #expect(!good.contains("Qy0x") && !good.contains("C-1"))
        var characters = Array(good)
        characters[20] = characters[20] == "A" ? "B" : "A"
        let tampered = String(characters)
        let expired = PreferenceLink.token(
            customer: "C-1", key: key, now: TestServer.today.addingTimeInterval(-61 * 86_400))
        let pageToken = CustomerToken.make(customer: "C-1", key: key, now: TestServer.today)
        try await server.run { client in
            #expect(try await client.send(.get, "/preferences?t=\(good)").status == .ok)
            for token in [tampered, expired, pageToken, "", "x.y.z"] {
                #expect(try await client.send(.get, "/preferences?t=\(token)").status == .forbidden, "\(token)")
                let post = try await client.send(
                    .post, "/preferences", body: "t=\(token)&category%5B%5D=Garden", headers: Self.form(""))
                #expect(post.status == .forbidden)
            }
            #expect(try server.store.statedPreferences(at: TestServer.today).isEmpty)
        }
    }

    @Test("after erasure no preference remains, and the old link no longer opens the page")
    func erasure() async throws {
        let server = try Self.server()
        let token = PreferenceLink.token(
            customer: "C-1", key: try server.store.customerTokenKey(), now: TestServer.today)
        try await server.run { client in
            let saved = try await client.send(
                .post, "/preferences", body: "t=\(token)&category%5B%5D=Garden", headers: Self.form(""))
            #expect(saved.status == .ok)
            #expect(try server.store.statedPreferences(at: TestServer.today)["C-1"] != nil)
            let erased = try await client.send(.delete, "/v1/customers/C-1", key: server.secretKey)
            #expect(erased.status == .ok, "\(erased.text)")
            #expect(try server.store.statedPreferences(at: TestServer.today).isEmpty)
            #expect(try await client.send(.get, "/preferences?t=\(token)").status == .forbidden)
            let again = try await client.send(
                .post, "/preferences", body: "t=\(token)&category%5B%5D=Garden", headers: Self.form(""))
            #expect(again.status == .forbidden)
            #expect(try server.store.statedPreferences(at: TestServer.today).isEmpty)
        }
    }
}
