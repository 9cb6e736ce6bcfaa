import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import Testing

@testable import RegularsServer

/// What the public key (in every storefront page) may send: nothing that changes revenue, only events of now.
@Suite("POST /v1/events with the public key")
struct PublicKeyEventTests {
    @Test("a purchase event, or one dated far from the server's clock, is refused with the public key; stored none")
    func publicKeyLimits() async throws {
        let server = try TestServer()
        let purchase =
            #"{"event_id": "p1", "type": "purchase", "at": "2024-06-29T10:00:00Z", "customer_id": "C-1", "#
            + #""sku": "P-1"}"#
        try await server.run { client in
            let refused = try await client.send(
                .post, "/v1/events", key: server.publicKey, body: eventBatch([purchase]))
            #expect(refused.status == .badRequest)
            #expect(refused.itemErrors.first?["field"] as? String == "type")
            for at in ["2099-01-01T00:00:00Z", "2024-06-01T10:00:00Z"] {
                let dated = try await client.send(
                    .post, "/v1/events", key: server.publicKey, body: eventBatch([viewEvent("v-\(at)", at: at)]))
                #expect(dated.status == .badRequest, "\(at)")
                #expect(dated.itemErrors.first?["field"] as? String == "at")
            }
            #expect(try server.store.eventCount() == 0)
            // The shop's own backend, with the secret key, may send both.
            let secret = try await client.send(
                .post, "/v1/events", key: server.secretKey,
                body: eventBatch([purchase, viewEvent("old", at: "2024-06-01T10:00:00Z")]))
            #expect(secret.status == .ok)
            #expect(try server.store.eventCount() == 2)
        }
    }
}
