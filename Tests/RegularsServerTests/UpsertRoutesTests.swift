import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import Testing

@testable import RegularsServer

@Suite("PUT /v1/products, PUT /v1/customers, POST /v1/orders")
struct UpsertRoutesTests {
    @Test("repeating an upsert changes nothing: one product, one customer, one order with its lines")
    func idempotentUpserts() async throws {
        let server = try TestServer()
        let product =
            #"{"title": "Cast-iron skillet", "handle": "skillet", "price": 39.5, "#
            + #""tags": ["kitchen"], "category": "Cookware"}"#
        try await server.run { client in
            for _ in 0..<2 {
                let p = try await client.send(.put, "/v1/products/P-1", key: server.secretKey, body: product)
                #expect(p.status == .ok)
                #expect(p.json["id"] as? String == "P-1")
                let c = try await client.send(
                    .put, "/v1/customers/C-1", key: server.secretKey,
                    body: #"{"email": "ada@example.com", "accepts_marketing": true, "created_at": "2024-01-02"}"#)
                #expect(c.status == .ok)
                let o = try await client.send(.post, "/v1/orders", key: server.secretKey, body: orderJSON("O-1"))
                #expect(o.status == .ok)
                #expect(o.json["lines"] as? Int == 2)
            }
            // The order shrank: its second line goes.
            let shrunk = orderJSON("O-1", lines: [("P-1", 3, "9.50")])
            #expect(try await client.send(.post, "/v1/orders", key: server.secretKey, body: shrunk).status == .ok)
        }
        let statistics = try server.store.statistics()
        #expect(statistics.customers == 1)
        #expect(statistics.catalogProducts == 1)
        #expect(statistics.orders == 1)
        #expect(statistics.orderLines == 1)
        #expect(try server.store.productHandles() == ["P-1": "skillet"])
        let snapshot = try server.store.snapshot(asOf: TestServer.today)
        #expect(snapshot.orderTotal == [285_000])
    }

    @Test("bad dates, wrong types and missing fields are 400s naming the field; nothing is stored")
    func validation() async throws {
        let server = try TestServer()
        try await server.run { client in
            let key = server.secretKey
            func field(_ method: HTTPRequest.Method, _ uri: String, _ body: String) async throws -> String? {
                let reply = try await client.send(method, uri, key: key, body: body)
                #expect(reply.status == .badRequest, "\(uri) \(body)")
                return reply.errorField
            }
            #expect(try await field(.post, "/v1/orders", orderJSON("O-1", at: "yesterday")) == "created_at")
            #expect(
                try await field(.post, "/v1/orders", orderJSON("O-1", lines: [("P-1", 0, "1")])) == "lines[0].quantity")
            #expect(
                try await field(.post, "/v1/orders", orderJSON("O-1", lines: [("P-1", 1, "1.2.3")]))
                    == "lines[0].unit_price")
            #expect(try await field(.post, "/v1/orders", orderJSON("O-1", lines: [])) == "lines")
            #expect(
                try await field(
                    .post, "/v1/orders", #"{"id": "O-1", "customer_id": 7, "created_at": "2024-06-01", "lines": []}"#)
                    == "customer_id")
            #expect(
                try await field(.post, "/v1/orders", #"{"id": "O-1", "created_at": "2024-06-01", "lines": []}"#)
                    == "customer_id")
            #expect(try await field(.put, "/v1/products/P-1", #"{"title": 5}"#) == "title")
            #expect(try await field(.put, "/v1/products/P-1", #"{"price": 5}"#) == "title")
            #expect(try await field(.put, "/v1/products/P-1", #"{"title": "Mug", "price": "cheap"}"#) == "price")
            #expect(try await field(.put, "/v1/products/P-1", #"{"title": "Mug", "inventory": "many"}"#) == "inventory")
            #expect(try await field(.put, "/v1/customers/C-1", #"{"accepts_marketing": "yes"}"#) == "accepts_marketing")
            #expect(try await field(.put, "/v1/customers/C-1", #"{"created_at": "2024-02-31"}"#) == "created_at")
            #expect(try await field(.put, "/v1/customers/C-1", #"[1, 2]"#) == nil)
            let malformed = try await client.send(.put, "/v1/customers/C-1", key: key, body: "{not json")
            #expect(malformed.status == .badRequest)
            #expect(
                (malformed.json["error"] as? [String: Any])?["message"] as? String == "request body is not valid JSON")
        }
        let statistics = try server.store.statistics()
        #expect(statistics.orders == 0)
        #expect(statistics.customers == 0)
        #expect(statistics.products == 0)
    }

    @Test("an unknown route or method is a JSON 404/405")
    func unknownRoutes() async throws {
        let server = try TestServer()
        try await server.run { client in
            let missing = try await client.send(.get, "/v1/nothing", key: server.secretKey)
            #expect(missing.status == .notFound)
            #expect(missing.errorStatus == 404)
        }
    }
}
