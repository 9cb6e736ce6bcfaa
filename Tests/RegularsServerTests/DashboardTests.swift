import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsServer

@Suite("The dashboard: sign-in, pages with charts, campaign downloads")
struct DashboardTests {
    /// Signs in with `key` through the form; returns the reply (a redirect with the session cookie when it worked).
    static func signIn(_ client: any TestClientProtocol, key: String) async throws -> Reply {
        try await client.execute(
            uri: "/dashboard/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "key=" + key)
        ) { Reply(status: $0.status, headers: $0.headers, text: String(buffer: $0.body)) }
    }

    /// `regulars_session=…` from a sign-in reply, ready for a `Cookie` header.
    static func cookie(_ reply: Reply) -> String? {
        reply.headers[.setCookie]?.split(separator: ";").first.map(String.init)
    }

    @Test("nothing is shown without signing in: every page redirects to the sign-in form")
    func requiresSignIn() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client in
            for path in ["/dashboard", "/dashboard/models", "/dashboard/campaigns", "/dashboard/recommendations"] {
                let reply = try await client.send(.get, path)
                #expect(reply.status == .seeOther, "\(path)")
                #expect(reply.headers[.location] == "/dashboard/login")
                #expect(!reply.text.contains("Revenue"))
            }
            let forged = try await client.send(.get, "/dashboard", headers: [.cookie: "regulars_session=forged"])
            #expect(forged.status == .seeOther)
            #expect(try await client.send(.get, "/dashboard/login").status == .ok)
        }
    }

    @Test("a secret key signs in; a public or unknown key does not; signing out ends the session")
    func signInAndOut() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client in
            #expect(try await Self.signIn(client, key: server.publicKey).status == .forbidden)
            #expect(try await Self.signIn(client, key: "rk_sec_wrong").status == .unauthorized)
            let reply = try await Self.signIn(client, key: server.secretKey)
            #expect(reply.status == .seeOther)
            #expect(reply.headers[.location] == "/dashboard")
            let setCookie = try #require(reply.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            // Secure unless the server is told it runs over plain HTTP (below).
            #expect(setCookie.contains("Secure"))
            let cookie = try #require(Self.cookie(reply))
            let overview = try await client.send(.get, "/dashboard", headers: [.cookie: cookie])
            #expect(overview.status == .ok)
            #expect(overview.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(overview.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(overview.text.contains("Revenue per month"))
            #expect(overview.text.components(separatedBy: "<svg class=\"chart\"").count - 1 == 2)
            #expect(!overview.text.contains("<script"))
            let logout = try await client.send(.post, "/dashboard/logout", headers: [.cookie: cookie])
            #expect(logout.status == .seeOther)
            #expect(try await client.send(.get, "/dashboard", headers: [.cookie: cookie]).status == .seeOther)
        }
    }

    @Test("revoking the key that signed in ends its sessions")
    func revokedKey() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client in
            let cookie = try #require(Self.cookie(try await Self.signIn(client, key: server.secretKey)))
            let link = try await client.send(.post, "/v1/admin/dashboard-link", key: server.secretKey)
            let url = try #require(link.json["url"] as? String)
            let linked = try #require(Self.cookie(try await client.send(.get, url)))
            #expect(try await client.send(.get, "/dashboard", headers: [.cookie: cookie]).status == .ok)
            #expect(try server.store.revokeKey(named: "backend"))
            var status = HTTPResponse.Status.ok
            for _ in 0..<60 where status == .ok {
                try await Task.sleep(for: .milliseconds(50))
                status = try await client.send(.get, "/dashboard", headers: [.cookie: cookie]).status
            }
            #expect(status == .seeOther)
            #expect(try await client.send(.get, "/dashboard", headers: [.cookie: linked]).status == .seeOther)
        }
    }

    @Test("a one-time link signs in once")
    func oneTimeLink() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client in
            #expect(
                try await client.send(.post, "/v1/admin/dashboard-link", key: server.publicKey).status == .forbidden)
            let link = try await client.send(.post, "/v1/admin/dashboard-link", key: server.secretKey)
            let url = try #require(link.json["url"] as? String)
            let first = try await client.send(.get, url)
            #expect(first.status == .seeOther)
            #expect(Self.cookie(first)?.hasPrefix("regulars_session=") == true)
            let second = try await client.send(.get, url)
            #expect(second.status == .unauthorized)
            #expect(second.headers[.setCookie] == nil)
        }
    }

    @Test("models page shows the served version and the saved back-test; campaigns can be downloaded, nothing else")
    func modelsAndCampaigns() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        let base = URL(fileURLWithPath: server.storePath).deletingPathExtension()
        let backtest = #"""
            {"model": "ranker", "cutoff": "2024-06-01", "bestHalfLifeDays": 90, "verdict": "a 90d half-life wins",
             "rows": [{"halfLifeDays": 90, "trainSeconds": 1.5, "tracks": [{"track": "all", "customers": 10,
               "customersWithPredictions": 10, "atK": [{"k": 20, "recall": 0.4321, "ndcg": 0.3333, "hitRate": 0.5,
               "coverage": 0.1}]}]}]}
            """#
        try Data(backtest.utf8).write(to: base.appendingPathExtension("backtest.json"))
        let campaign = base.appendingPathExtension("campaigns").appendingPathComponent("lapsed-2024-06-30")
        try FileManager.default.createDirectory(at: campaign, withIntermediateDirectories: true)
        try Data(#"{"segment": "lapsed", "recipients": 12, "mode": "templates"}"#.utf8)
            .write(to: campaign.appendingPathComponent("summary.json"))
        try Data("Email,first_name\n".utf8).write(to: campaign.appendingPathComponent("klaviyo.csv"))
        let winter = base.appendingPathExtension("campaigns").appendingPathComponent("loyal-2024-01-15")
        try FileManager.default.createDirectory(at: winter, withIntermediateDirectories: true)
        try Data(#"{"segment": "loyal", "recipients": 3, "generated_at": "2024-01-15T09:00:00Z"}"#.utf8)
            .write(to: winter.appendingPathComponent("summary.json"))
        try await server.run { client in
            let cookie = try #require(Self.cookie(try await Self.signIn(client, key: server.secretKey)))
            let models = try await client.send(.get, "/dashboard/models", headers: [.cookie: cookie])
            #expect(models.text.contains("Serving model version <strong>1</strong>"))
            #expect(models.text.contains("0.4321"))
            #expect(models.text.contains("a 90d half-life wins"))
            let campaigns = try await client.send(.get, "/dashboard/campaigns", headers: [.cookie: cookie])
            #expect(campaigns.text.contains("/dashboard/campaigns/lapsed-2024-06-30/klaviyo.csv"))
            #expect(campaigns.text.contains("12 recipients"))
            // Copy written in January is stale in June, and the page says why; the undated one gets no notice.
            #expect(campaigns.text.components(separatedBy: "class=\"stale\"").count == 2)
            #expect(campaigns.text.contains("it was written in winter and it is summer now"))
            // Each segment's homepage banner, with why and the fact check's verdict; the anonymous one always.
            #expect(campaigns.text.contains("Homepage banners"))
            #expect(campaigns.text.contains("anonymous"))
            #expect(campaigns.text.contains("Why: Anonymous visitors"))
            #expect(campaigns.text.contains("Passed the fact check"))
            let file = try await client.send(
                .get, "/dashboard/campaigns/lapsed-2024-06-30/klaviyo.csv", headers: [.cookie: cookie])
            #expect(file.status == .ok)
            #expect(file.text == "Email,first_name\n")
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            let unsigned = try await client.send(.get, "/dashboard/campaigns/lapsed-2024-06-30/klaviyo.csv")
            #expect(unsigned.status == .seeOther)
            for path in [
                "/dashboard/campaigns/lapsed-2024-06-30/..%2F..%2Fshop.sqlite",
                "/dashboard/campaigns/..%2F/summary.json",
                "/dashboard/campaigns/lapsed-2024-06-30/missing.csv",
            ] {
                #expect(try await client.send(.get, path, headers: [.cookie: cookie]).status == .notFound, "\(path)")
            }
        }
    }

    @Test("recommendations page counts impressions, clicks, and the orders that followed a click at the price paid")
    func recommendationActivity() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        let events = [
            #"{"event_id": "i1", "type": "rec_impression", "at": "2024-06-29T10:00:00Z", "customer_id": "C-3", "#
                + #""sku": "OIL", "recommendation_id": "ab-1", "source": "cart"}"#,
            #"{"event_id": "i2", "type": "rec_impression", "at": "2024-06-29T10:00:00Z", "customer_id": "C-3", "#
                + #""sku": "LID", "recommendation_id": "ab-2", "source": "cart"}"#,
            #"{"event_id": "c1", "type": "rec_click", "at": "2024-06-29T10:01:00Z", "customer_id": "C-3", "#
                + #""sku": "OIL", "recommendation_id": "ab-1", "source": "cart"}"#,
        ]
        // The order arrives as orders do (not as a purchase event), with a discount: 9.99, not the catalog's 12.50.
        let order =
            #"{"id": "O-click", "customer_id": "C-3", "created_at": "2024-06-29T10:05:00Z", "#
            + #""lines": [{"sku": "OIL", "quantity": 1, "unit_price": "9.99"}]}"#
        try await server.run { client in
            let stored = try await client.send(.post, "/v1/events", key: server.secretKey, body: eventBatch(events))
            #expect(stored.status == .ok, "\(stored.text)")
            #expect(try await client.send(.post, "/v1/orders", key: server.secretKey, body: order).status == .ok)
            let cookie = try #require(Self.cookie(try await Self.signIn(client, key: server.secretKey)))
            let page = try await client.send(.get, "/dashboard/recommendations", headers: [.cookie: cookie]).text
            let row = try #require(page.components(separatedBy: "<tr><td>cart</td>").dropFirst().first)
            let cells = row.components(separatedBy: "<td class=\"num\">").dropFirst().map {
                String($0.prefix { $0 != "<" })
            }
            #expect(Array(cells.prefix(5)) == ["2", "1", "50.0 %", "1", "9.99"])
            let experiments = try await client.send(.get, "/dashboard/experiments", headers: [.cookie: cookie])
            #expect(experiments.status == .ok)
            #expect(experiments.text.contains("No experiments yet"))
        }
    }

    @Test("the session cookie is not Secure only when the server is told it is reached over plain HTTP")
    func plainHTTPCookie() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run(configure: { $0.secureCookies = false }) { client in
            let reply = try await Self.signIn(client, key: server.secretKey)
            #expect(reply.status == .seeOther)
            #expect(try #require(reply.headers[.setCookie]).contains("Secure") == false)
        }
    }
}
