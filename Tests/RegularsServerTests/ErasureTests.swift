import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import Testing

@testable import RegularsServer

@Suite("DELETE /v1/customers/{id} and opt-out")
struct ErasureTests {
    @Test("erasure removes the customer everywhere: record, orders, lines, events; they cannot come back")
    func eraseEverywhere() async throws {
        let server = try TestServer()
        try await server.run { client in
            let key = server.secretKey
            #expect(try await client.send(.post, "/v1/orders", key: key, body: orderJSON("O-1")).status == .ok)
            #expect(
                try await client.send(.post, "/v1/orders", key: key, body: orderJSON("O-2", customer: "C-2")).status
                    == .ok)
            let events = eventBatch([viewEvent("e1"), viewEvent("e2", customer: "C-2")])
            #expect(try await client.send(.post, "/v1/events", key: server.publicKey, body: events).status == .ok)
            #expect(try await client.send(.get, "/v1/customers/C-1", key: key).status == .ok)

            let erased = try await client.send(.delete, "/v1/customers/C-1", key: key)
            #expect(erased.status == .ok)
            #expect(erased.json["customer_found"] as? Bool == true)
            #expect(erased.json["orders_removed"] as? Int == 1)
            #expect(erased.json["lines_removed"] as? Int == 2)
            #expect(erased.json["events_removed"] as? Int == 1)

            #expect(try await client.send(.get, "/v1/customers/C-1", key: key).status == .notFound)
            let again = try await client.send(.post, "/v1/orders", key: key, body: orderJSON("O-3"))
            #expect(again.status == .conflict)
            #expect(try await client.send(.put, "/v1/customers/C-1", key: key, body: "{}").status == .conflict)
            // Events of an erased customer are accepted (the browser cannot know) but not stored, and counted as
            // taken: the answer is the same as for anyone else's new event, so it tells nobody who was erased.
            let late = try await client.send(
                .post, "/v1/events", key: server.publicKey, body: eventBatch([viewEvent("e3")]))
            #expect(late.json["stored"] as? Int == 1)
            let stranger = try await client.send(
                .post, "/v1/events", key: server.publicKey, body: eventBatch([viewEvent("e4", customer: "C-77")]))
            #expect(stranger.json["stored"] as? Int == late.json["stored"] as? Int)
        }
        let statistics = try server.store.statistics()
        #expect(statistics.customers == 1)
        #expect(statistics.orders == 1)
        #expect(statistics.orderLines == 2)
        #expect(try server.store.events(ofCustomer: "C-1").isEmpty)
        #expect(try server.store.eventCount() == 2)
        let snapshot = try server.store.snapshot(asOf: TestServer.today)
        #expect(snapshot.customerIndexByID["C-1"] == nil)
    }

    @Test("opt-out marks a known customer and is a 404 for an unknown one")
    func optOut() async throws {
        let server = try TestServer()
        try await server.run { client in
            let key = server.secretKey
            #expect(try await client.send(.put, "/v1/customers/C-1", key: key, body: "{}").status == .ok)
            let reply = try await client.send(.post, "/v1/customers/C-1/opt-out", key: key)
            #expect(reply.status == .ok)
            #expect(reply.json["opted_out"] as? Bool == true)
            #expect(try await client.send(.post, "/v1/customers/C-9/opt-out", key: key).status == .notFound)
            let shown = try await client.send(.get, "/v1/customers/C-1", key: key)
            #expect(shown.json["opted_out"] as? Bool == true)
        }
        #expect(try server.store.statistics().optedOutCustomers == 1)
    }
}
