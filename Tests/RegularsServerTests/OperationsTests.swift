import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsServer

@Suite("GET /health, /metrics, /openapi.json and CORS")
struct OperationsTests {
    @Test("health answers without a key")
    func health() async throws {
        let server = try TestServer()
        try await server.run { client in
            let reply = try await client.send(.get, "/health")
            #expect(reply.status == .ok)
            #expect(reply.json["status"] as? String == "ok")
        }
    }

    @Test("metrics expose request counts per route and the events ingested")
    func metrics() async throws {
        let server = try TestServer()
        try await server.run { client in
            _ = try await client.send(.post, "/v1/events", key: server.publicKey, body: eventBatch([viewEvent("m1")]))
            _ = try await client.send(.get, "/v1/segments")
            let reply = try await client.send(.get, "/metrics")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType]?.hasPrefix("text/plain") == true)
            let lines = reply.text.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("hb_requests") && $0.contains(#"http_route="/v1/events""#) })
            #expect(lines.contains { $0.hasPrefix("hb_requests") && $0.contains(#"http_response_status_code="401""#) })
            #expect(lines.contains { $0.hasPrefix("http_server_request_duration") })
            #expect(lines.contains { $0.hasPrefix("regulars_events_ingested_total") })
        }
    }

    @Test("the OpenAPI document parses and lists every route")
    func openAPI() async throws {
        let server = try TestServer()
        try await server.run { client in
            let reply = try await client.send(.get, "/openapi.json")
            #expect(reply.status == .ok)
            #expect((reply.json["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = reply.json["paths"] as? [String: [String: Any]] ?? [:]
            let expected: [String: Set<String>] = [
                "/v1/recommendations": ["get"], "/v1/events": ["post"], "/v1/products/{sku}": ["put"],
                "/v1/customers/{id}": ["put", "get", "delete"], "/v1/customers/{id}/opt-out": ["post"],
                "/v1/orders": ["post"], "/v1/segments": ["get"], "/health": ["get"], "/metrics": ["get"],
                "/openapi.json": ["get"], "/v1/admin/train": ["post"], "/v1/admin/dashboard-link": ["post"],
                "/widget.js": ["get"], "/webhooks/shopify/{resource}/{event}": ["post"],
            ]
            for (path, methods) in expected {
                #expect(Set(paths[path]?.keys.filter { $0 != "parameters" } ?? []) == methods, "\(path)")
            }
        }
    }

    @Test("CORS: an allowed origin gets the headers and its preflight; another origin's preflight is refused")
    func cors() async throws {
        let server = try TestServer()
        try await server.run { client in
            let preflight = try await client.send(
                .options, "/v1/events",
                headers: [.origin: TestServer.origin, .accessControlRequestMethod: "POST"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == TestServer.origin)
            #expect(preflight.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
            let denied = try await client.send(.options, "/v1/events", headers: [.origin: "https://evil.example"])
            #expect(denied.status == .forbidden)
            let post = try await client.send(
                .post, "/v1/events", key: server.publicKey, body: eventBatch([viewEvent("c1")]),
                headers: [.origin: TestServer.origin])
            #expect(post.headers[.accessControlAllowOrigin] == TestServer.origin)
            let unauthorized = try await client.send(.get, "/v1/recommendations", headers: [.origin: TestServer.origin])
            #expect(unauthorized.status == .unauthorized)
            #expect(unauthorized.headers[.accessControlAllowOrigin] == TestServer.origin)
            let secret = try await client.send(
                .get, "/v1/segments", key: server.secretKey, headers: [.origin: TestServer.origin])
            #expect(secret.headers[.accessControlAllowOrigin] == nil)
        }
    }
}
