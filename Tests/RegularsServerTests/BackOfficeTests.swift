import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import Testing

@testable import RegularsServer

@Suite("GET /v1/customers/{id} and /v1/segments")
struct BackOfficeTests {
    @Test("a customer's segment, prediction and recent orders, newest first, without personal details")
    func customer() async throws {
        let server = try TestServer()
        try await server.run { client in
            let key = server.secretKey
            _ = try await client.send(
                .put, "/v1/customers/C-1", key: key, body: #"{"email": "ada@example.com", "first_name": "Ada"}"#)
            for (id, day) in [("O-1", "2024-03-01"), ("O-2", "2024-05-01"), ("O-3", "2024-06-20")] {
                #expect(
                    try await client.send(.post, "/v1/orders", key: key, body: orderJSON(id, at: day)).status == .ok)
            }
            let reply = try await client.send(.get, "/v1/customers/C-1", key: key)
            #expect(reply.status == .ok)
            #expect(!reply.text.contains("ada@example.com"))
            #expect(!reply.text.contains("Ada"))
            #expect(reply.json["customer_id"] as? String == "C-1")
            let orders = reply.json["recent_orders"] as? [[String: Any]] ?? []
            #expect(orders.map { $0["id"] as? String } == ["O-3", "O-2", "O-1"])
            #expect((orders.first?["lines"] as? [Any])?.count == 2)
            #expect(orders.first?["total"] as? Double == 18.0)
            #expect(reply.json["segment"] is String)
            let prediction = reply.json["prediction"] as? [String: Any]
            #expect(prediction?["orders"] as? Int == 3)
            #expect(try await client.send(.get, "/v1/customers/C-404", key: key).status == .notFound)
        }
    }

    @Test("segment sizes and their monthly history")
    func segments() async throws {
        let server = try TestServer()
        try await server.run { client in
            let key = server.secretKey
            #expect(
                try await client.send(.post, "/v1/orders", key: key, body: orderJSON("O-1", at: "2024-06-01")).status
                    == .ok)
            #expect(
                try await client.send(
                    .post, "/v1/orders", key: key, body: orderJSON("O-2", customer: "C-2", at: "2023-01-05")
                ).status == .ok)
            let reply = try await client.send(.get, "/v1/segments", key: key)
            #expect(reply.status == .ok)
            #expect(reply.json["customers"] as? Int == 2)
            let segments = reply.json["segments"] as? [[String: Any]] ?? []
            #expect(segments.contains { $0["segment"] as? String == "new" && ($0["members"] as? Int ?? 0) >= 1 })
            #expect(!(reply.json["history"] as? [Any] ?? []).isEmpty)
        }
    }
}
