import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import RegularsData
import RegularsRecommend
import RegularsTestSupport
import Testing

@testable import RegularsServer

@Suite("Model versions in the server")
struct ModelSwapTests {
    @Test("a newer model version saved while the server runs is served without a restart")
    func swapsToNewerVersion() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        // A registry of its own: the shared one's gauge is set by every other test's server too.
        let registry = PrometheusCollectorRegistry()
        try await server.run(modelCheckInterval: .zero, configure: { $0.metrics = registry }) { client in
            let uri = "/v1/recommendations?placement=cart&cart=SKILLET"
            #expect(try await client.send(.get, uri, key: server.publicKey).json["model_version"] as? Int == 1)
            let models = ModelSet.train(
                on: try server.store.snapshot(asOf: TestServer.today), trainedAt: TestServer.today)
            #expect(try ModelDirectory(storePath: server.storePath).save(models) == 2)
            var version: Int?
            for _ in 0..<100 where version != 2 {
                version = try await client.send(.get, uri, key: server.publicKey).json["model_version"] as? Int
                if version != 2 { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(version == 2)
            let health = try await client.send(.get, "/health")
            #expect(health.json["model_version"] as? Int == 2)
            let metrics = try await client.send(.get, "/metrics").text
            #expect(metrics.contains("regulars_model_version 2"))
            #expect(metrics.contains("regulars_model_training_seconds"))
            // The new version's personal lists are computed in the background: every customer with orders.
            let customers = try server.store.snapshot(asOf: TestServer.today).customers.count
            var lists = ""
            for _ in 0..<200 where !lists.contains("regulars_personal_lists \(customers)") {
                try await Task.sleep(for: .milliseconds(20))
                lists = try await client.send(.get, "/metrics").text
            }
            #expect(lists.contains("regulars_personal_lists \(customers)"), "\(lists)")
        }
    }

    @Test("requests in flight while a new version is saved all succeed, and none goes back to the old one")
    func swapUnderLoad() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        let models = ModelSet.train(on: try server.store.snapshot(asOf: TestServer.today), trainedAt: TestServer.today)
        try await server.run(modelCheckInterval: .zero) { client in
            // The secret key: the public key's per-address rate limit would answer some of these 429.
            let uris = [
                "/v1/recommendations?placement=cart&cart=SKILLET", "/v1/recommendations?placement=product&product=OIL",
                "/v1/recommendations?placement=home&customer=C-2",
            ]
            let seen = try await withThrowingTaskGroup(of: [Int].self) { group in
                for worker in 0..<6 {
                    group.addTask {
                        var versions: [Int] = []
                        for n in 0..<40 {
                            let reply = try await client.send(.get, uris[(worker + n) % 3], key: server.secretKey)
                            #expect(reply.status == .ok, "\(reply.text)")
                            versions.append(reply.json["model_version"] as? Int ?? -1)
                            try await Task.sleep(for: .milliseconds(5))
                        }
                        return versions
                    }
                }
                try await Task.sleep(for: .milliseconds(60))
                #expect(try ModelDirectory(storePath: server.storePath).save(models) == 2)
                return try await group.reduce(into: [[Int]]()) { $0.append($1) }
            }
            for versions in seen {
                #expect(Set(versions).isSubset(of: [1, 2]), "\(versions)")
                #expect(versions == versions.sorted(), "a request went back to the older version: \(versions)")
            }
            #expect(seen.contains { $0.contains(1) } && seen.contains { $0.contains(2) })
        }
    }

    /// `regulars_model_load_failures_total` in `/metrics`.
    static func loadFailures(_ client: any TestClientProtocol) async throws -> Int {
        let text = try await client.send(.get, "/metrics").text
        let line = text.split(separator: "\n").first { $0.hasPrefix("regulars_model_load_failures_total ") }
        return line.flatMap { Double($0.split(separator: " ").last ?? "").map { Int($0) } } ?? 0
    }

    @Test("a model file of an older format is refused once, the served version goes on answering; a newer one is taken")
    func olderFormatRefused() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        let directory = ModelDirectory(storePath: server.storePath)
        let models = ModelSet.train(on: try server.store.snapshot(asOf: TestServer.today), trainedAt: TestServer.today)
        let registry = PrometheusCollectorRegistry()  // its own: the count is this server's alone
        try await server.run(modelCheckInterval: .zero, configure: { $0.metrics = registry }) { client in
            let uri = "/v1/recommendations?placement=cart&cart=SKILLET"
            #expect(try await client.send(.get, uri, key: server.publicKey).json["model_version"] as? Int == 1)
            #expect(try await Self.loadFailures(client) == 0)
            let old = ModelSet.fileFormatVersion - 1
            try Data("REGULARS-MODELS \(old) {\"formatVersion\":\(old),\"version\":2}\n{}".utf8)
                .write(to: directory.file(version: 2))
            // The load runs in the background: once it has failed, twenty more looks (the check interval is zero)
            // make no second attempt.
            var failures = 0
            for _ in 0..<200 where failures == 0 {
                // A recommendation request is what looks for a newer version.
                #expect(try await client.send(.get, uri, key: server.publicKey).status == .ok)
                failures = try await Self.loadFailures(client)
                if failures == 0 { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(failures == 1)
            for _ in 0..<20 {
                let reply = try await client.send(.get, uri, key: server.publicKey)
                #expect(reply.status == .ok)
                #expect(reply.json["model_version"] as? Int == 1)
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(try await client.send(.get, "/health").json["model_version"] as? Int == 1)
            #expect(try await Self.loadFailures(client) == 1)
            #expect(try directory.save(models) == 3)
            var version: Int?
            for _ in 0..<100 where version != 3 {
                version = try await client.send(.get, uri, key: server.publicKey).json["model_version"] as? Int
                if version != 3 { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(version == 3)
        }
    }

    @Test("an erased customer is no longer personalized for, even before the models are retrained")
    func erasedCustomerIsAnonymous() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client async throws in
            let uri = "/v1/recommendations?placement=home&\(try server.customer("C-3"))"
            #expect(try await client.send(.get, uri, key: server.publicKey).json["personalized"] as? Bool == true)
            #expect(try await client.send(.delete, "/v1/customers/C-3", key: server.secretKey).status == .ok)
            #expect(try await client.send(.get, uri, key: server.publicKey).json["personalized"] as? Bool == false)
        }
    }

    @Test("an opted-out customer is no longer personalized for, at once")
    func optedOutCustomerIsAnonymous() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client async throws in
            let uri = "/v1/recommendations?placement=home&\(try server.customer("C-3"))"
            #expect(try await client.send(.get, uri, key: server.publicKey).json["personalized"] as? Bool == true)
            #expect(try await client.send(.post, "/v1/customers/C-3/opt-out", key: server.secretKey).status == .ok)
            #expect(try await client.send(.get, uri, key: server.publicKey).json["personalized"] as? Bool == false)
        }
    }

    @Test("the same question asked twice gets the same products under new recommendation ids")
    func repeatedQuestion() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client async throws in
            let uri = "/v1/recommendations?placement=cart&cart=SKILLET&customer=C-2"
            func items() async throws -> [[String: Any]] {
                try await client.send(.get, uri, key: server.publicKey).json["items"] as? [[String: Any]] ?? []
            }
            let first = try await items()
            let second = try await items()
            #expect(!first.isEmpty)
            #expect(first.map { $0["sku"] as? String } == second.map { $0["sku"] as? String })
            let ids = Set((first + second).compactMap { $0["recommendation_id"] as? String })
            #expect(ids.count == first.count + second.count)
        }
    }
}

@Suite("Who is personalized for")
struct PersonalizationAccessTests {
    @Test("a public key personalizes only with the customer's token; a secret key needs none")
    func customerToken() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client in
            func personalized(_ query: String, key: String) async throws -> Bool? {
                try await client.send(.get, "/v1/recommendations?placement=home&" + query, key: key)
                    .json["personalized"] as? Bool
            }
            #expect(try await personalized("customer=C-3", key: server.publicKey) == false)
            #expect(try await personalized("customer=C-3&customer_token=forged", key: server.publicKey) == false)
            let other = try server.customer("C-4").replacingOccurrences(of: "customer=C-4", with: "customer=C-3")
            #expect(try await personalized(other, key: server.publicKey) == false)
            #expect(try await personalized(try server.customer("C-3"), key: server.publicKey) == true)
            #expect(try await personalized("customer=C-3", key: server.secretKey) == true)
            let token = try await client.send(.get, "/v1/customers/C-3/token", key: server.secretKey)
            #expect(
                token.json["token"] as? String
                    == CustomerToken.make(
                        customer: "C-3", key: try server.store.customerTokenKey(), now: TestServer.today))
            #expect(try await client.send(.get, "/v1/customers/C-3/token", key: server.publicKey).status == .forbidden)
            #expect(token.json["expires_at"] as? String == "2024-07-31T00:00:00Z")
            // A token expires after 30 days.
            let key = try server.store.customerTokenKey()
            let old = CustomerToken.make(
                customer: "C-3", key: key, now: TestServer.today.addingTimeInterval(-31 * 86_400))
            #expect(try await personalized("customer=C-3&customer_token=\(old)", key: server.publicKey) == false)
            // Rotating the key kills every token issued before, within the key ring's second.
            let issued = try server.customer("C-3")
            try server.store.rotateCustomerTokenKey()
            try await Task.sleep(for: .milliseconds(1_100))
            #expect(try await personalized(issued, key: server.publicKey) == false)
            let fresh = try server.customer("C-3")
            #expect(try await personalized(fresh, key: server.publicKey) == true)
            #expect(try await client.send(.delete, "/v1/customers/C-3", key: server.secretKey).status == .ok)
            // A token issued before the erasure names nobody the server will personalize for.
            #expect(try await personalized(fresh, key: server.publicKey) == false)
            #expect(try await client.send(.get, "/v1/customers/C-3/token", key: server.secretKey).status == .notFound)
        }
    }

    @Test("opting out by e-mail stops personalization for the customer it names")
    func optOutByEmail() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client in
            let put = try await client.send(
                .put, "/v1/customers/C-3", key: server.secretKey, body: #"{"email": "ana@example.com"}"#)
            #expect(put.status == .ok)
            let uri = "/v1/recommendations?placement=home&customer=C-3"
            #expect(try await client.send(.get, uri, key: server.secretKey).json["personalized"] as? Bool == true)
            let optOut = try await client.send(.post, "/v1/customers/ana@example.com/opt-out", key: server.secretKey)
            #expect(optOut.status == .ok)
            #expect(try await client.send(.get, uri, key: server.secretKey).json["personalized"] as? Bool == false)
        }
    }

    @Test("an opt-out made in the store (regulars opt-out) holds in a running server without retraining")
    func optOutFromCLI() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run(modelCheckInterval: .zero) { client in
            let uri = "/v1/recommendations?placement=home&customer=C-3"
            #expect(try await client.send(.get, uri, key: server.secretKey).json["personalized"] as? Bool == true)
            #expect(try server.store.optOut(customer: "C-3") == "C-3")
            var personalized: Bool? = true
            for _ in 0..<100 where personalized != false {
                try await Task.sleep(for: .milliseconds(20))
                personalized = try await client.send(.get, uri, key: server.secretKey).json["personalized"] as? Bool
            }
            #expect(personalized == false)
        }
    }
}

@Suite("The cache of recommendation answers")
struct ResponseCacheTests {
    static func key(_ customer: String, version: Int = 1) -> ResponseCache.Key {
        .init(
            RecommendationQuery(
                placement: "home", customer: customer, product: nil, cart: [], session: [], source: nil, limit: 8,
                asOf: TestServer.today), version: version)
    }

    static let answer = RecommendationsResponse(
        placement: "home", modelVersion: 1, personalized: true,
        items: [
            .init(
                sku: "A", title: "A", price: 1, urlOrHandle: nil, image: nil, reason: "r", model: "m",
                recommendationID: "x-1")
        ])

    @Test("keeps the most recently used answers, misses another version, and empties on request")
    func generations() {
        let cache = ResponseCache(capacity: 2)
        cache.store(Self.answer, for: Self.key("a"))
        cache.store(Self.answer, for: Self.key("b"))
        #expect(cache.answer(for: Self.key("a"))?.items.first?.sku == "A")
        cache.store(Self.answer, for: Self.key("c"))  // young {c}, old {a, b}
        #expect(cache.answer(for: Self.key("a")) != nil)  // moved back: young {c, a}, old {b}
        cache.store(Self.answer, for: Self.key("d"))  // young full: young {d}, old {c, a}, b dropped
        #expect(cache.answer(for: Self.key("b")) == nil)
        #expect(cache.answer(for: Self.key("a")) != nil && cache.answer(for: Self.key("c")) != nil)
        #expect(cache.answer(for: Self.key("a", version: 2)) == nil)
        #expect(cache.answer(for: Self.key("a"))?.items.first?.recommendationID != "x-1")
        cache.removeAll()
        #expect(cache.count == 0 && cache.answer(for: Self.key("a")) == nil)
    }

    @Test("an erasure made by another process (regulars forget, a second server) stops personalization here too")
    func erasedElsewhere() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run(modelCheckInterval: .milliseconds(50)) { client in
            func personalized() async throws -> Bool? {
                try await client.send(.get, "/v1/recommendations?placement=home&customer=C-3", key: server.secretKey)
                    .json["personalized"] as? Bool
            }
            #expect(try await personalized() == true)
            // The other process: its own connection to the same file, as `regulars forget` has.
            let other = try SQLiteStore(path: server.storePath)
            let report = try other.forget(customer: "C-3", at: TestServer.today)
            #expect(report.customerFound)
            // The server looks at the store every check interval, on the next request.
            var answer = try await personalized()
            for _ in 0..<40 where answer == true {
                try await Task.sleep(for: .milliseconds(100))
                answer = try await personalized()
            }
            #expect(answer == false)
        }
    }
}
