import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import Testing

@testable import RegularsServer

@Suite("API keys and scopes")
struct KeyScopeTests {
    @Test("a request without a key, or with an unknown key, is a 401 with a JSON error")
    func missingOrWrongKey() async throws {
        let server = try TestServer()
        try await server.run { client in
            let none = try await client.send(.get, "/v1/segments")
            #expect(none.status == .unauthorized)
            #expect(none.errorStatus == 401)
            #expect(none.errorField == "Authorization")
            let wrong = try await client.send(.get, "/v1/segments", key: "rk_sec_not-a-real-key")
            #expect(wrong.status == .unauthorized)
            let events = try await client.send(.post, "/v1/events", body: eventBatch([viewEvent("e1")]))
            #expect(events.status == .unauthorized)
        }
    }

    @Test("Authorization is read as `Bearer KEY`: the scheme in any case, blanks around the key ignored")
    func bearerHeader() {
        func key(_ header: String?) -> String? {
            var head = HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/health")
            head.headerFields[.authorization] = header
            return KeyMiddleware.bearer(Request(head: head, body: .init(buffer: ByteBuffer())))
        }
        #expect(key("Bearer rk_pub_x") == "rk_pub_x")
        #expect(key("bEaReR \t rk_pub_x \t") == "rk_pub_x")
        #expect(key(nil) == nil && key("Basic cms6eA==") == nil && key("Bearer") == nil && key("Bearers k") == nil)
    }

    @Test("a public key cannot upsert, erase or read the back office: 403")
    func publicKeyOnSecretRoutes() async throws {
        let server = try TestServer()
        try await server.run { client in
            let key = server.publicKey
            #expect(
                try await client.send(.put, "/v1/products/P-1", key: key, body: #"{"title": "Mug"}"#).status
                    == .forbidden)
            #expect(try await client.send(.put, "/v1/customers/C-1", key: key, body: "{}").status == .forbidden)
            #expect(try await client.send(.post, "/v1/orders", key: key, body: orderJSON("O-1")).status == .forbidden)
            #expect(try await client.send(.delete, "/v1/customers/C-1", key: key).status == .forbidden)
            #expect(try await client.send(.post, "/v1/customers/C-1/opt-out", key: key).status == .forbidden)
            let read = try await client.send(.get, "/v1/customers/C-1", key: key)
            #expect(read.status == .forbidden)
            #expect(read.errorStatus == 403)
            #expect(try await client.send(.get, "/v1/segments", key: key).status == .forbidden)
        }
        #expect(try server.store.statistics().products == 0)
        #expect(try server.store.statistics().orders == 0)
    }

    @Test("a public key may send events; a secret key may do everything")
    func allowedScopes() async throws {
        let server = try TestServer()
        try await server.run { client in
            let events = try await client.send(
                .post, "/v1/events", key: server.publicKey, body: eventBatch([viewEvent("e1")]))
            #expect(events.status == .ok)
            let product = try await client.send(
                .put, "/v1/products/P-1", key: server.secretKey, body: #"{"title": "Mug"}"#)
            #expect(product.status == .ok)
            let secretEvents = try await client.send(
                .post, "/v1/events", key: server.secretKey, body: eventBatch([viewEvent("e2")]))
            #expect(secretEvents.status == .ok)
        }
    }

    @Test("keys look like rk_pub_/rk_sec_ plus 43 base64url characters, and the store keeps only their hash")
    func keyFormatAndStorage() throws {
        let key = APIKey.generate(scope: .secret)
        #expect(key.secret.hasPrefix("rk_sec_"))
        #expect(key.secret.count == 7 + 43)
        #expect(key.secret.dropFirst(7).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(APIKey.generate(scope: .public).secret.hasPrefix("rk_pub_"))
        #expect(APIKey.generate(scope: .public).secret != APIKey.generate(scope: .public).secret)

        let server = try TestServer()
        let records = try server.store.keys()
        #expect(records.map(\.name) == ["backend", "widget"])
        #expect(records.allSatisfy { $0.hash.count == 32 })
        #expect(records.contains { $0.hash == APIKeyRecord.digest(of: server.secretKey) })
        #expect(try server.store.revokeKey(named: "widget"))
        #expect(try server.store.keys().map(\.name) == ["backend"])
        #expect(throws: KeyNameTakenError(name: "backend")) {
            try server.store.add(
                key: APIKey.generate(scope: .secret).record(name: "backend", createdAt: TestServer.today))
        }
    }

    @Test("hashes are compared in full: a hash differing in its last byte does not match")
    func constantTimeMatch() {
        let digest = APIKeyRecord.digest(of: "rk_pub_x")
        var other = digest
        other[31] ^= 1
        let record = APIKeyRecord(name: "k", scope: .public, hash: other, createdAt: TestServer.today)
        #expect(KeyRing.match(digest, in: [record]) == nil)
        #expect(KeyRing.match(other, in: [record]) == record)
    }
}
