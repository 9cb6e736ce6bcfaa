import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import RegularsRecommend
import RegularsTestSupport
import Testing

@testable import RegularsServer

@Suite("GET /v1/recommendations")
struct RecommendationRoutesTests {
    /// Ten customers who buy the skillet with oil, and some with a lid; models trained and saved beside the store.
    static func trainedServer(_ kind: StoreKind = .sqlite) throws -> TestServer {
        let server = try TestServer(kind)
        try server.store.write { writer in
            for (sku, title, handle) in [
                ("SKILLET", "Cast-iron skillet", "skillet"), ("OIL", "Seasoning oil", "oil"), ("LID", "Glass lid", nil),
                ("MUG", "Mug", "mug"),
            ] {
                try writer.upsert(
                    product: Product(
                        sku: sku, title: title, handle: handle, category: "Kitchen", price: Money(parsing: "12.50")))
            }
            for c in 1...10 {
                let customer = "C-\(c)"
                try writer.ensureCustomer(customer)
                let skus = c % 2 == 0 ? ["SKILLET", "OIL", "LID"] : ["SKILLET", "OIL"]
                let order = Order(
                    id: "O-\(c)", customerID: customer, createdAt: Fixtures.day("2024-05-\(10 + c)"),
                    total: Money(units: 250_000))
                try writer.upsert(order: order)
                for (position, sku) in skus.enumerated() {
                    try writer.upsert(
                        line: OrderLine(
                            orderID: order.id, position: position + 1, sku: sku, productName: sku, quantity: 1,
                            unitPrice: Money(units: 125_000)))
                }
                if c == 3 {
                    let second = Order(
                        id: "O-\(c)b", customerID: customer, createdAt: Fixtures.day("2024-06-02"),
                        total: Money(units: 50_000))
                    try writer.upsert(order: second)
                    try writer.upsert(
                        line: OrderLine(
                            orderID: second.id, position: 1, sku: "MUG", productName: "Mug", quantity: 1,
                            unitPrice: Money(units: 50_000)))
                }
            }
        }
        let models = ModelSet.train(on: try server.store.snapshot(asOf: TestServer.today), trainedAt: TestServer.today)
        _ = try ModelDirectory(storePath: server.storePath).save(models)
        return server
    }

    /// The SKUs of an answer, in order.
    static func skus(_ reply: Reply) -> [String] {
        ((reply.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["sku"] as? String }
    }

    @Test("before the first training every request is a 503 saying what to do")
    func noModels() async throws {
        let server = try TestServer()
        try await server.run { client in
            let reply = try await client.send(.get, "/v1/recommendations?placement=home", key: server.publicKey)
            #expect(reply.status == .serviceUnavailable)
            #expect(
                (reply.json["error"] as? [String: Any])?["message"] as? String
                    == "no models trained yet; run `regulars train`")
        }
    }

    @Test("the cart gets the complement, with reason, model, link and a recommendation id per item")
    func cartComplement() async throws {
        let server = try Self.trainedServer()
        try await server.run { client in
            let reply = try await client.send(
                .get, "/v1/recommendations?placement=cart&cart=SKILLET&n=3", key: server.publicKey)
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.json["model_version"] as? Int == 1)
            let items = reply.json["items"] as? [[String: Any]] ?? []
            #expect(!items.isEmpty)
            #expect(items.count <= 3)
            #expect(!items.contains { $0["sku"] as? String == "SKILLET" })
            let oil = items.first { $0["sku"] as? String == "OIL" }
            #expect(oil?["url_or_handle"] as? String == "oil")
            #expect(oil?["price"] as? Double == 12.5)
            for item in items {
                #expect(!(item["reason"] as? String ?? "").isEmpty)
                #expect(!(item["model"] as? String ?? "").isEmpty)
                #expect((item["recommendation_id"] as? String)?.isEmpty == false)
                #expect(item.keys.contains("image"))
            }
            let ids = Set(items.compactMap { $0["recommendation_id"] as? String })
            #expect(ids.count == items.count)
        }
    }

    @Test("exclude_owned leaves out what the customer bought, as `regulars evaluate` asks for its new track")
    func excludeOwned() async throws {
        let server = try Self.trainedServer()
        try await server.run { client in
            let path = "/v1/recommendations?placement=home&n=10&\(try server.customer("C-3"))"
            let all = try await client.send(.get, path, key: server.publicKey)
            let discover = try await client.send(.get, path + "&exclude_owned=true", key: server.publicKey)
            #expect(all.status == .ok && discover.status == .ok, "\(discover.text)")
            #expect(!Self.skus(all).isEmpty)
            #expect(Set(Self.skus(all)).intersection(["SKILLET", "OIL", "MUG"]).count > 0, "\(Self.skus(all))")
            #expect(Set(Self.skus(discover)).isDisjoint(with: ["SKILLET", "OIL", "MUG"]), "\(Self.skus(discover))")
            #expect(Self.skus(discover).contains("LID"))
        }
    }

    @Test("a known customer's ranked items carry their purchase probability; an anonymous visitor's are null")
    func probability() async throws {
        let server = try Self.trainedServer()
        try await server.run { client in
            let known = try await client.send(
                .get, "/v1/recommendations?placement=home&n=10&\(try server.customer("C-3"))", key: server.publicKey)
            let items = (known.json["items"] as? [[String: Any]]) ?? []
            let ranked = items.filter { $0["model"] as? String == "ranker" }
            #expect(!ranked.isEmpty, "\(known.text)")
            for item in ranked {
                let p = try #require(item["probability"] as? Double, "\(item)")
                #expect(p >= 0 && p <= 1)
            }
            let anonymous = try await client.send(.get, "/v1/recommendations?placement=home", key: server.publicKey)
            let anonymousItems = (anonymous.json["items"] as? [[String: Any]]) ?? []
            #expect(!anonymousItems.isEmpty)
            // The key is there, null: every item has every key the schema lists.
            #expect(anonymousItems.allSatisfy { $0.keys.contains("probability") && $0["probability"] is NSNull })
        }
    }

    @Test("page_type and topic shift the list: an article about glass lids gets the lid, with a reason naming it")
    func pageTopic() async throws {
        let server = try Self.trainedServer()
        try await server.run { client in
            let reply = try await client.send(
                .get, "/v1/recommendations?placement=home&page_type=editorial&topic=Glass%20lids&n=3",
                key: server.publicKey)
            #expect(reply.status == .ok, "\(reply.text)")
            let first = ((reply.json["items"] as? [[String: Any]]) ?? []).first
            #expect(first?["sku"] as? String == "LID")
            #expect(first?["reason"] as? String == "Goes with “Glass lids”")
            let bad = try await client.send(
                .get, "/v1/recommendations?placement=home&page_type=blog", key: server.publicKey)
            #expect(bad.status == .badRequest)
            #expect((bad.json["error"] as? [String: Any])?["field"] as? String == "page_type", "\(bad.text)")
        }
    }

    @Test("a browser's Sec-GPC: 1 means no personal list, for a known customer with a valid token too")
    func globalPrivacyControl() async throws {
        let server = try Self.trainedServer()
        try await server.run { client in
            let path = "/v1/recommendations?placement=home&session=SKILLET&\(try server.customer("C-3"))"
            let known = try await client.send(.get, path, key: server.publicKey)
            #expect(known.json["personalized"] as? Bool == true)
            let gpc = try await client.send(.get, path, key: server.publicKey, headers: [.init("Sec-GPC")!: "1"])
            #expect(gpc.status == .ok)
            #expect(gpc.json["personalized"] as? Bool == false)
            let anonymous = try await client.send(.get, "/v1/recommendations?placement=home", key: server.publicKey)
            #expect(Self.skus(gpc) == Self.skus(anonymous))
        }
    }

    @Test("unknown customers and SKUs are left out, not refused; bad parameters are 400s naming them")
    func parameters() async throws {
        let server = try Self.trainedServer()
        try await server.run { client in
            let key = server.publicKey
            let unknown = try await client.send(
                .get, "/v1/recommendations?placement=product&product=NEW&customer=C-999", key: key)
            #expect(unknown.status == .ok)
            #expect(unknown.json["personalized"] as? Bool == false)
            let known = try await client.send(
                .get, "/v1/recommendations?placement=home&\(try server.customer("C-3"))", key: key)
            #expect(known.status == .ok)
            #expect(known.json["personalized"] as? Bool == true)
            let placement = try await client.send(.get, "/v1/recommendations?placement=sidebar", key: key)
            #expect(placement.status == .badRequest)
            #expect(placement.errorField == "placement")
            #expect(try await client.send(.get, "/v1/recommendations", key: key).errorField == "placement")
            #expect(try await client.send(.get, "/v1/recommendations?placement=home&n=0", key: key).errorField == "n")
            #expect(try await client.send(.get, "/v1/recommendations?placement=home&n=x", key: key).errorField == "n")
            for (query, field) in [
                ("placement=", "placement"), ("placement=home&exclude_owned=yes", "exclude_owned"),
                ("placement=home&page_type=blog", "page_type"),
                ("placement=home&topic=\(String(repeating: "a", count: 201))", "topic"),
                ("placement=cart&cart=\(Array(repeating: "A", count: 101).joined(separator: ","))", "cart"),
            ] {
                let reply = try await client.send(.get, "/v1/recommendations?\(query)", key: key)
                #expect(reply.status == .badRequest, "\(query)")
                #expect(reply.errorField == field, "\(query): \(reply.text)")
            }
            // Read as a form encodes it: percent-escapes and `+` are decoded, a parameter given twice is its first.
            let plain = try await client.send(.get, "/v1/recommendations?placement=cart&cart=SKILLET", key: key)
            let encoded = try await client.send(
                .get, "/v1/recommendations?placement=cart&placement=home&cart=+%53KILLET+,", key: key)
            #expect(plain.status == .ok && encoded.status == .ok)
            #expect(encoded.json["placement"] as? String == "cart")
            #expect(Self.skus(encoded) == Self.skus(plain) && !Self.skus(plain).isEmpty)
        }
    }
}
