import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import RegularsPostgres
import RegularsRecommend
import RegularsShop
import RegularsTestSupport
import Testing

@testable import RegularsServer

/// `POST /webhooks/shopify/{topic}` on a real server over a real SQLite store: signatures, retries, both header
/// spellings, and the processing that follows.
@Suite("Shopify webhooks over HTTP")
struct ShopifyWebhookRoutesTests {
    static let domain = "regulars-test.myshopify.com"
    static let secret = "hush-this-is-the-webhook-secret"

    static func connected(_ kind: StoreKind = .sqlite) throws -> TestServer {
        let server = try TestServer(kind)
        try Shop(store: server.store, storePath: server.storePath, clock: { TestServer.today })
            .connect(shopify: ShopifyConnection(domain: domain, webhookSecret: secret))
        return server
    }

    static func order(_ name: String, email: String = "ana.silva@example.com", quantity: Int = 1) -> String {
        """
        {"id": 450789469, "name": "\(name)", "email": "\(email)", "created_at": "2024-06-20T10:00:00+02:00",
         "financial_status": "paid", "currency": "EUR", "total_price": "59.80",
         "line_items": [{"sku": "LODGE-L8SK3", "name": "Lodge Skillet", "quantity": \(quantity), "price": "29.90"}]}
        """
    }

    static func signature(_ body: String, secret: String = secret) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data(secret.utf8))))
            .base64EncodedString()
    }

    static func headers(
        _ body: String, id: String, domain: String = domain, signature: String? = nil, prefix: String = "X-"
    ) -> HTTPFields {
        var fields = HTTPFields()
        fields[.init(prefix + "Shopify-Hmac-Sha256")!] = signature ?? Self.signature(body)
        fields[.init(prefix + "Shopify-Shop-Domain")!] = domain
        fields[.init(prefix + "Shopify-Webhook-Id")!] = id
        fields[.init(prefix + "Shopify-Topic")!] = "orders/create"
        return fields
    }

    /// Waits (up to 10 s) until no delivery is due: the processor runs beside the requests. A failed one waits for
    /// its retry, a minute after the server's pinned clock: never, here.
    static func processed(_ store: any Store) async throws {
        for _ in 0..<200 {
            if try store.pendingDeliveries(dueAt: Int64(TestServer.today.timeIntervalSince1970), limit: 1).isEmpty {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("deliveries still pending after 10 s")
    }

    @Test(
        "a signed order is answered at once, then stored; the same delivery again changes nothing",
        arguments: StoreKind.available)
    func signedOrder(kind: StoreKind) async throws {
        let server = try Self.connected(kind)
        let body = Self.order("#5001")
        try await server.run { client in
            let first = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: body, headers: Self.headers(body, id: "d-1"))
            #expect(first.status == .ok)
            #expect(first.json["duplicate"] as? Bool == false)
            try await Self.processed(server.store)
            #expect(try server.store.statistics().orders == 1)
            #expect(try server.store.statistics().orderLines == 1)

            // Shopify retries a delivery it thinks failed: same id, maybe another body (here: a changed quantity).
            let retried = Self.order("#5001", quantity: 5)
            let again = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: retried, headers: Self.headers(retried, id: "d-1"))
            #expect(again.status == .ok)
            #expect(again.json["duplicate"] as? Bool == true)
            try await Self.processed(server.store)
            #expect(try server.store.placedLines(from: 0, to: Int64.max).map(\.quantity) == [1])
            #expect(try server.store.deliveries(limit: 10).count == 1)
            #expect(try server.store.deliveries(limit: 10).first?.state == .done)
            #expect(try server.store.deliveries(limit: 10).first?.payload == nil)
        }
    }

    @Test("Shopify's newer header names, without X-, are taken too")
    func unprefixedHeaders() async throws {
        let server = try Self.connected()
        let body = Self.order("#5002")
        try await server.run { client in
            let reply = try await client.send(
                .post, "/webhooks/shopify/orders/updated", body: body,
                headers: Self.headers(body, id: "d-2", prefix: ""))
            #expect(reply.status == .ok)
            try await Self.processed(server.store)
            #expect(try server.store.statistics().orders == 1)
        }
    }

    @Test(
        "a wrong signature, another shop's domain or an unconnected shop get 401 and change nothing",
        arguments: StoreKind.available)
    func refused(kind: StoreKind) async throws {
        let server = try Self.connected(kind)
        let body = Self.order("#5003")
        try await server.run { client in
            let wrongSecret = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: body,
                headers: Self.headers(body, id: "d-3", signature: Self.signature(body, secret: "guess")))
            #expect(wrongSecret.status == .unauthorized)
            // The right signature of another body: the body was changed on the way.
            let tampered = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: Self.order("#5003", quantity: 9),
                headers: Self.headers(body, id: "d-4"))
            #expect(tampered.status == .unauthorized)
            let otherShop = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: body,
                headers: Self.headers(body, id: "d-5", domain: "someone-else.myshopify.com"))
            #expect(otherShop.status == .unauthorized)
            let notBase64 = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: body,
                headers: Self.headers(body, id: "d-6", signature: "%%%"))
            #expect(notBase64.status == .unauthorized)
            let unsigned = try await client.send(.post, "/webhooks/shopify/orders/create", body: body)
            #expect(unsigned.status == .unauthorized)
        }
        #expect(try server.store.deliveries(limit: 10).isEmpty)
        #expect(try server.store.statistics().orders == 0)

        let unconnected = try TestServer(kind)
        try await unconnected.run { client in
            let reply = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: body, headers: Self.headers(body, id: "d-7"))
            #expect(reply.status == .unauthorized)
        }
        #expect(try unconnected.store.deliveries(limit: 10).isEmpty)
    }

    @Test("a signed delivery of a topic Regulars does not take is 404, one without an id 400; neither is stored")
    func unknownTopicAndMissingID() async throws {
        let server = try Self.connected()
        let body = Self.order("#5004")
        try await server.run { client in
            let topic = try await client.send(
                .post, "/webhooks/shopify/carts/create", body: body, headers: Self.headers(body, id: "d-8"))
            #expect(topic.status == .notFound)
            #expect(topic.errorField == "topic")
            var headers = Self.headers(body, id: "")
            headers[.init("X-Shopify-Webhook-Id")!] = nil
            let noID = try await client.send(.post, "/webhooks/shopify/orders/create", body: body, headers: headers)
            #expect(noID.status == .badRequest)
        }
        #expect(try server.store.deliveries(limit: 10).isEmpty)
    }

    @Test(
        "customers/redact through a webhook leaves no trace of the customer, and their next order is not stored",
        arguments: StoreKind.available)
    func redaction(kind: StoreKind) async throws {
        let server = try Self.connected(kind)
        let order = Self.order("#5005")
        let redact =
            #"{"shop_domain": "regulars-test.myshopify.com", "customer": {"id": 7, "email": "ana.silva@example.com"}}"#
        try await server.run { client in
            _ = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: order, headers: Self.headers(order, id: "d-9"))
            try await Self.processed(server.store)
            #expect(try server.store.statistics().customers == 1)
            let reply = try await client.send(
                .post, "/webhooks/shopify/customers/redact", body: redact, headers: Self.headers(redact, id: "d-10"))
            #expect(reply.status == .ok)
            try await Self.processed(server.store)
            let later = Self.order("#5006")
            _ = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: later, headers: Self.headers(later, id: "d-11"))
            try await Self.processed(server.store)
        }
        #expect(try server.store.statistics().customers == 0)
        #expect(try server.store.statistics().orders == 0)
        let deliveries = try server.store.deliveries(limit: 10)
        #expect(deliveries.allSatisfy { $0.state == .done && $0.payload == nil })
        #expect(deliveries.first { $0.id == "d-11" }?.outcome == "skipped: customer erased")
        if let postgres = server.store as? PostgresStore {
            // No row of any of the shop's tables names them (the bodies were bytea: they are searched as text too).
            #expect(try postgres.tablesMentioning("ana.silva@example.com") == [])
            #expect(
                try postgres.tablesMentioning("regulars-test.myshopify.com") == ["storesetting"], "the search works")
            return
        }
        // No file beside the store (the database, its write-ahead log) names them any more.
        let folder = URL(fileURLWithPath: server.storePath).deletingLastPathComponent()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.contains { $0.hasSuffix(".sqlite") })
        for name in files where !name.hasSuffix(".models") {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(!String(decoding: bytes, as: UTF8.self).lowercased().contains("ana.silva@example.com"), "\(name)")
        }
    }

    @Test("orders from webhooks retrain the models once the served ones are old enough, and not before")
    func retrainsWhenStale() async throws {
        for (age, expected) in [(Duration?.some(.seconds(0)), [1, 2]), (.some(.seconds(24 * 3600)), [1]), (nil, [1])] {
            let server = try RecommendationRoutesTests.trainedServer()
            try Shop(store: server.store, storePath: server.storePath, clock: { TestServer.today })
                .connect(shopify: ShopifyConnection(domain: Self.domain, webhookSecret: Self.secret))
            let directory = ModelDirectory(storePath: server.storePath)
            #expect(directory.versions == [1])
            let body = Self.order("#6001", email: "new.customer@example.com")
            try await server.run(configure: {
                $0.retrainAfterChanges = age; $0.webhookRetryInterval = .milliseconds(100)
            }) {
                client in
                _ = try await client.send(
                    .post, "/webhooks/shopify/orders/create", body: body, headers: Self.headers(body, id: "d-12"))
                try await Self.processed(server.store)
                // Several passes of the processor: a due training starts in one of them.
                for _ in 0..<200 where directory.versions != expected { try await Task.sleep(for: .milliseconds(25)) }
                try await Task.sleep(for: .milliseconds(300))
            }
            #expect(directory.versions == expected, "retraining after \(String(describing: age))")
            if expected.count == 2 {
                let models = try ModelSet.load(from: directory.file(version: 2))
                #expect(models.snapshot.customerIndexByID[StableID.customer(email: "new.customer@example.com")] != nil)
            }
        }
    }

    @Test("with --train-in-worker the server queues one training job for `regulars worker` instead of training")
    func queuesForWorker() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try Shop(store: server.store, storePath: server.storePath, clock: { TestServer.today })
            .connect(shopify: ShopifyConnection(domain: Self.domain, webhookSecret: Self.secret))
        let directory = ModelDirectory(storePath: server.storePath)
        try await server.run(configure: {
            $0.retrainAfterChanges = .seconds(0)
            $0.trainInWorker = true
            $0.webhookRetryInterval = .milliseconds(50)
        }) { client in
            for index in 0..<3 {
                let body = Self.order("#800\(index)")
                _ = try await client.send(
                    .post, "/webhooks/shopify/orders/create", body: body, headers: Self.headers(body, id: "w-\(index)"))
                try await Self.processed(server.store)
            }
            for _ in 0..<100 where try server.store.jobs(limit: 5).isEmpty {
                try await Task.sleep(for: .milliseconds(20))
            }
            try await Task.sleep(for: .milliseconds(300))
        }
        let jobs = try server.store.jobs(limit: 5)
        #expect(jobs.map(\.kind) == ["train"], "three orders, one waiting job")
        #expect(jobs.first?.state == .pending)
        #expect(directory.versions == [1], "the server itself did not train")
    }

    @Test("the dashboard shows the connection, the counts and why a delivery was parked; /metrics counts them")
    func dashboardAndMetrics() async throws {
        let server = try Self.connected()
        let good = Self.order("#7001")
        let broken = ##"{"name": "#7002", "created_at": "yesterday", "line_items": []}"##
        try await server.run(configure: { $0.webhookRetryInterval = .milliseconds(50) }) { client in
            _ = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: good, headers: Self.headers(good, id: "m-1"))
            _ = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: good, headers: Self.headers(good, id: "m-1"))
            _ = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: broken,
                headers: Self.headers(broken, id: "m-2", signature: Self.signature("tampered")))
            _ = try await client.send(
                .post, "/webhooks/shopify/orders/updated", body: broken, headers: Self.headers(broken, id: "m-3"))
            try await Self.processed(server.store)
            // The broken body failed once and waits a minute for its retry; three failures park it.
            for _ in 0..<2 {
                try server.store.finish(
                    delivery: "m-3", at: 0, outcome: nil, error: "created_at: expected a date-time", namedErased: false)
            }
            let cookie = try #require(
                DashboardTests.cookie(try await DashboardTests.signIn(client, key: server.secretKey)))
            let page = try await client.send(.get, "/dashboard/models", headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("Connected to <strong>\(Self.domain)</strong>: 1 webhooks processed, 0"))
            #expect(page.text.contains("1 parked"))
            #expect(page.text.contains("<td>orders/updated</td><td>created_at: expected a date-time"))
            #expect(!page.text.contains(Self.secret))

            let lines = try await client.send(.get, "/metrics").text.split(separator: "\n")
                .filter { $0.hasPrefix("regulars_webhooks_total{") }
            for result in ["received", "duplicate", "refused", "processed", "failed"] {
                #expect(lines.contains { $0.contains(#"result="\#(result)""#) }, "\(result)")
            }
        }
    }
}
