import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsServer

/// Experiments through the API, end to end on a real server: create, recommendations that carry the arm, orders
/// through `/v1/orders`, results with their verdict.
@Suite("/v1/experiments")
struct ExperimentRoutesTests {
    static let start = Fixtures.day("2024-06-30")

    /// Runs a server over `server.store` whose clock `clock` the test moves.
    static func run(
        _ server: TestServer, clock: Locked<Date>,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        var configuration = ServerConfiguration.testing
        configuration.metrics = MetricsBootstrap.shared
        let app = try await buildApplication(
            configuration, store: server.store, now: { clock.current }, asOf: TestServer.today)
        try await app.test(.live) { client in try await body(client) }
    }

    /// 400 customers are served the home placement, then each orders with the chance its arm plants (decided by
    /// the customer's number, not by a coin, so the run is the same every time); returns the results JSON.
    static func simulate(
        arms: String, orderChance: @escaping @Sendable (_ arm: String, _ customer: Int) -> Bool
    ) async throws -> (results: [String: Any], arms: [String: String], page: String) {
        let server = try RecommendationRoutesTests.trainedServer()
        let clock = Locked(start)
        let assigned = Locked<[String: String]>([:])
        let results = Locked<[String: Any]>([:])
        let page = Locked("")
        try await run(server, clock: clock) { client in
            let key = server.secretKey
            let created = try await client.send(
                .post, "/v1/experiments", key: key,
                body: #"{"name": "home-test", "placement": "home", "arms": \#(Self.armsJSON(arms))}"#)
            #expect(created.status == .ok, "\(created.text)")
            for c in 1...400 {
                let reply = try await client.send(.get, "/v1/recommendations?placement=home&customer=C-\(c)", key: key)
                #expect(reply.status == .ok)
                let arm = try #require(reply.json["arm"] as? String)
                #expect(reply.json["experiment"] as? String == "home-test")
                if arm == "B", arms.hasSuffix("B=none") { #expect((reply.json["items"] as? [Any])?.isEmpty == true) }
                assigned.withLock { $0["C-\(c)"] = arm }
            }
            clock.withLock { $0 = start.addingTimeInterval(3 * 86_400) }
            for c in 1...400 where orderChance(assigned.current["C-\(c)"]!, c) {
                let order =
                    #"{"id": "X-\#(c)", "customer_id": "C-\#(c)", "created_at": "2024-07-01T10:00:00Z", "#
                    + #""lines": [{"sku": "MUG", "quantity": 1, "unit_price": "\#(20 + c % 7)"}]}"#
                #expect(try await client.send(.post, "/v1/orders", key: key, body: order).status == .ok)
            }
            let reply = try await client.send(.get, "/v1/experiments/home-test", key: key)
            #expect(reply.status == .ok, "\(reply.text)")
            results.withLock { $0 = reply.json }
            let cookie = try #require(DashboardTests.cookie(try await DashboardTests.signIn(client, key: key)))
            let html = try await client.send(.get, "/dashboard/experiments/home-test", headers: [.cookie: cookie])
            #expect(html.status == .ok)
            page.withLock { $0 = html.text }
        }
        return (results.current, assigned.current, page.current)
    }

    /// `A=default,B=none` as the API's arms object.
    static func armsJSON(_ text: String, shares: [Double]? = nil) -> String {
        let pairs = text.split(separator: ",").enumerated().map { index, pair in
            let parts = pair.split(separator: "=")
            let share = shares.map { #", "share": \#($0[index])"# } ?? ""
            return #""\#(parts[0])": {"recipe": "\#(parts[1])"\#(share)}"#
        }
        return "{" + pairs.joined(separator: ", ") + "}"
    }

    static func comparison(_ results: [String: Any], metric: String) throws -> [String: Any] {
        let comparisons = try #require(results["comparisons"] as? [[String: Any]])
        return try #require(comparisons.first { $0["metric"] as? String == metric })
    }

    @Test("an arm that shows nothing and loses orders is detected as a loss, with an interval below zero")
    func armWithoutRecommendationsLoses() async throws {
        // Planted: 60 % of A's customers order, 20 % of B's.
        let (results, assigned, page) = try await Self.simulate(arms: "A=default,B=none") { arm, c in
            c % 10 < (arm == "A" ? 6 : 2)
        }
        // The experiment's own dashboard page: both arms, the verdict in words, the interval over time.
        #expect(page.contains("B is behind by"))
        #expect(page.contains("<svg") && page.contains("Lift in revenue per unit over time"))
        let arms = try #require(results["arms"] as? [[String: Any]])
        #expect(arms.map { $0["units"] as? Int ?? 0 }.reduce(0, +) == 400)
        #expect(Set(assigned.values) == ["A", "B"])
        let revenue = try Self.comparison(results, metric: "revenue_per_unit")
        #expect(revenue["verdict"] as? String == "behind_conclusive", "\(revenue)")
        #expect((revenue["ci_high"] as? Double ?? 1) < 0)
        let conversion = try Self.comparison(results, metric: "conversion_rate")
        let lift = try #require(conversion["lift"] as? Double)
        #expect(abs(lift - (0.2 / 0.6 - 1)) < 0.1, "observed \(lift); planted −67 %")
    }

    @Test("an A/A test (both arms the same recipe, the same behaviour) reports no conclusive difference")
    func aaTest() async throws {
        let (results, _, _) = try await Self.simulate(arms: "A=default,B=default") { _, c in c % 10 < 3 }
        for metric in ["revenue_per_unit", "conversion_rate"] {
            let comparison = try Self.comparison(results, metric: metric)
            #expect(comparison["verdict"] as? String != "ahead_conclusive", "\(comparison)")
            #expect(comparison["verdict"] as? String != "behind_conclusive", "\(comparison)")
            let low = try #require(comparison["ci_low"] as? Double)
            let high = try #require(comparison["ci_high"] as? Double)
            #expect(low < 0 && high > 0)
        }
    }

    @Test("the same customer gets the same arm from two servers, after a restart and after a retrain")
    func stableAssignment() async throws {
        var runs: [[String: String]] = []
        for _ in 0..<2 {
            // A fresh store and server each time: nothing is shared but the experiment's name.
            let server = try RecommendationRoutesTests.trainedServer()
            let arms = Locked<[String: String]>([:])
            for restart in 0..<2 {
                try await Self.run(server, clock: Locked(Self.start)) { client in
                    if restart == 0 {
                        let arms = Self.armsJSON("A=default,B=popular")
                        let created = try await client.send(
                            .post, "/v1/experiments", key: server.secretKey,
                            body: #"{"name": "stable", "placement": "home", "arms": \#(arms)}"#)
                        #expect(created.status == .ok)
                    } else {
                        #expect(try await client.send(.post, "/v1/admin/train", key: server.secretKey).status == .ok)
                    }
                    for c in 1...50 {
                        let reply = try await client.send(
                            .get, "/v1/recommendations?placement=home&customer=C-\(c)", key: server.secretKey)
                        let arm = reply.json["arm"] as? String ?? "?"
                        arms.withLock { known in
                            if let earlier = known["C-\(c)"] { #expect(earlier == arm, "C-\(c) moved") }
                            known["C-\(c)"] = arm
                        }
                    }
                }
            }
            runs.append(arms.current)
        }
        #expect(runs[0] == runs[1])
        #expect(Set(runs[0].values) == ["A", "B"])
    }

    @Test("bad specs are 400s naming the field; a taken name is a 409; an unknown experiment a 404")
    func validation() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await Self.run(server, clock: Locked(Self.start)) { client in
            let key = server.secretKey
            func post(_ body: String) async throws -> Reply {
                try await client.send(.post, "/v1/experiments", key: key, body: body)
            }
            let recipe = try await post(
                #"{"name": "x", "placement": "home", "arms": \#(Self.armsJSON("A=default,B=magic"))}"#)
            #expect(recipe.status == .conflict, "a recipe the rules file does not have")
            #expect(recipe.errorField == "arms")
            let one = try await post(#"{"name": "x", "placement": "home", "arms": \#(Self.armsJSON("A=default"))}"#)
            #expect(one.status == .badRequest)
            let split = try await post(
                #"{"name": "x", "placement": "home", "arms": \#(Self.armsJSON("A=default,B=none", shares: [0, 1]))}"#)
            #expect(split.errorField == "split")
            let body =
                #"{"name": "x", "placement": "home", "arms": \#(Self.armsJSON("A=default,B=none", shares: [9, 1]))}"#
            let created = try await post(body)
            #expect(created.status == .ok)
            let weights = (created.json["arms"] as? [[String: Any]])?.compactMap { $0["weight"] as? Double }
            #expect(weights == [0.9, 0.1])
            #expect(
                try await post(body).status == .conflict)
            #expect(try await client.send(.get, "/v1/experiments/nope", key: key).status == .notFound)
            #expect(try await client.send(.get, "/v1/experiments", key: server.publicKey).status == .forbidden)
            let stopped = try await client.send(.post, "/v1/experiments/x/stop", key: key)
            #expect(stopped.status == .ok)
            #expect(stopped.json["stopped_at"] is String)
        }
    }
}
