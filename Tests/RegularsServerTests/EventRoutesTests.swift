import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import Testing

@testable import RegularsServer

@Suite("POST /v1/events")
struct EventRoutesTests {
    @Test("sending the same batch twice stores each event once")
    func idempotentBatch() async throws {
        let server = try TestServer()
        let batch = eventBatch([viewEvent("e1"), viewEvent("e2", sku: "P-2"), viewEvent("e1")])
        try await server.run { client in
            let first = try await client.send(.post, "/v1/events", key: server.publicKey, body: batch)
            #expect(first.status == .ok)
            #expect(first.json["received"] as? Int == 3)
            #expect(first.json["stored"] as? Int == 2)
            let retry = try await client.send(.post, "/v1/events", key: server.publicKey, body: batch)
            #expect(retry.status == .ok)
            #expect(retry.json["stored"] as? Int == 0)
        }
        #expect(try server.store.eventCount() == 2)
        // Ids are the sender key's: read back, they carry its name, so two keys' "e1" stay two events.
        #expect(try server.store.events(ofCustomer: "C-1").map(\.id) == ["widget/e1", "widget/e2"])
    }

    @Test("a batch with bad items stores nothing and names each bad item's index and field")
    func allOrNothing() async throws {
        let server = try TestServer()
        let batch = eventBatch([
            viewEvent("e1"),
            viewEvent("e2", at: "2024-13-01"),
            #"{"event_id": "e3", "type": "teleport", "at": "2024-06-01", "session_id": "s-1"}"#,
            #"{"event_id": "e4", "type": "purchase", "at": "2024-06-01"}"#,
        ])
        try await server.run { client in
            // The secret key: a public one may not send purchase events at all (PublicKeyEventTests).
            let reply = try await client.send(.post, "/v1/events", key: server.secretKey, body: batch)
            #expect(reply.status == .badRequest)
            let errors = reply.itemErrors
            #expect(errors.map { $0["index"] as? Int } == [1, 2, 3])
            #expect(errors.map { $0["field"] as? String } == ["at", "type", "customer_id"])
            #expect((errors.first?["message"] as? String)?.contains("2024-13-01") == true)
            #expect(reply.errorField == "events[1].at")
        }
        #expect(try server.store.eventCount() == 0)
    }

    @Test("a field of the wrong type is a per-item 400 naming it")
    func wrongType() async throws {
        let server = try TestServer()
        let batch = eventBatch([
            viewEvent("e1"), #"{"event_id": "e2", "type": "product_view", "at": 5, "session_id": "s", "sku": "P-1"}"#,
        ])
        try await server.run { client in
            let reply = try await client.send(.post, "/v1/events", key: server.publicKey, body: batch)
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "events[1].at")
            #expect(reply.itemErrors.first?["index"] as? Int == 1)
            #expect(reply.itemErrors.first?["field"] as? String == "at")
        }
        #expect(try server.store.eventCount() == 0)
    }

    @Test("malformed JSON, an empty batch and more than 500 events are 400s")
    func malformedBatches() async throws {
        let server = try TestServer()
        try await server.run { client in
            let broken = try await client.send(.post, "/v1/events", key: server.publicKey, body: #"{"events": [{"#)
            #expect(broken.status == .badRequest)
            #expect(broken.errorStatus == 400)
            let missing = try await client.send(.post, "/v1/events", key: server.publicKey, body: #"{"evnts": []}"#)
            #expect(missing.status == .badRequest)
            #expect(missing.errorField == "events")
            let empty = try await client.send(.post, "/v1/events", key: server.publicKey, body: eventBatch([]))
            #expect(empty.errorField == "events")
            let many = eventBatch((0..<501).map { viewEvent("e\($0)") })
            let tooMany = try await client.send(.post, "/v1/events", key: server.publicKey, body: many)
            #expect(tooMany.status == .badRequest)
            #expect(tooMany.errorField == "events")
            let huge = try await client.send(
                .post, "/v1/events", key: server.publicKey,
                body: #"{"events": [], "pad": ""# + String(repeating: "x", count: 1_100_000) + #""}"#)
            #expect(huge.status == .contentTooLarge)
            #expect(huge.errorStatus == 413)
        }
        #expect(try server.store.eventCount() == 0)
    }
}
