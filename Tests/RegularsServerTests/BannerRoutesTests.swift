import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsContent
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsServer

@Suite("GET /v1/banner")
struct BannerRoutesTests {
    @Test("a public key without a customer token gets the anonymous banner, without segment or reason")
    func anonymous() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client in
            let reply = try await client.send(.get, "/v1/banner", key: server.publicKey)
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.json["angle"] is NSNull)
            #expect(reply.json["audience"] is NSNull && reply.json["reason"] is NSNull)
            #expect(!(reply.json["headline"] as? String ?? "").isEmpty)
            #expect(!(reply.json["products"] as? [[String: Any]] ?? []).isEmpty)
            #expect(reply.json["model_version"] as? Int == 1)
            // The customer's id without its token is answered as anonymous too.
            let unvouched = try await client.send(.get, "/v1/banner?customer=C-3", key: server.publicKey)
            #expect(unvouched.json["headline"] as? String == reply.json["headline"] as? String)
            let asSecret = try await client.send(.get, "/v1/banner", key: server.secretKey)
            #expect(asSecret.json["angle"] as? String == "visitor")
        }
    }

    @Test("a vouched customer gets their segment's banner; the secret key also sees which segment and why")
    func customer() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        let vouched = try server.customer("C-3")
        try await server.run { client in
            let secret = try await client.send(.get, "/v1/banner?customer=C-3", key: server.secretKey)
            #expect(secret.status == .ok, "\(secret.text)")
            let audience = try #require(secret.json["audience"] as? String)
            #expect(LifecycleSegmentName.all.contains(audience))
            #expect((secret.json["reason"] as? String)?.isEmpty == false)
            #expect(secret.json["angle"] as? String != "visitor")
            let anonymous = try await client.send(.get, "/v1/banner", key: server.publicKey)
            let page = try await client.send(.get, "/v1/banner?\(vouched)", key: server.publicKey)
            #expect(page.json["headline"] as? String == secret.json["headline"] as? String)
            #expect(page.json["headline"] as? String != anonymous.json["headline"] as? String)
            #expect(page.json["angle"] is NSNull && page.json["audience"] is NSNull)
            // Global Privacy Control: nothing personal.
            let gpc = try await client.send(
                .get, "/v1/banner?\(vouched)", key: server.publicKey, headers: [.init("Sec-GPC")!: "1"])
            #expect(gpc.json["headline"] as? String == anonymous.json["headline"] as? String)
        }
    }

    @Test("source is read from a referring host and the copy keeps to that source's voice")
    func source() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client in
            let reply = try await client.send(.get, "/v1/banner?source=l.instagram.com", key: server.publicKey)
            #expect(reply.json["source"] as? String == "instagram")
            #expect(DraftCheck.emojiCount(reply.json["headline"] as? String ?? "") == 1)
            let google = try await client.send(.get, "/v1/banner?source=google", key: server.publicKey)
            #expect(DraftCheck.emojiCount(google.json["headline"] as? String ?? "") == 0)
        }
    }

    @Test("copy that fails the fact check is not served: 204, no banner")
    func failedCheck() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        // A voice that avoids the letter e: no phrasing can pass.
        try Data(#"{"words_to_avoid": ["e"]}"#.utf8).write(to: BrandVoice.fileURL(storePath: server.storePath))
        try await server.run { client in
            let reply = try await client.send(.get, "/v1/banner", key: server.publicKey)
            #expect(reply.status == .noContent, "\(reply.text)")
            #expect(reply.text.isEmpty)
        }
    }

    @Test("bad parameters are a 400 naming them; no models is a 503")
    func errors() async throws {
        let untrained = try TestServer()
        try await untrained.run { client in
            let reply = try await client.send(.get, "/v1/banner", key: untrained.publicKey)
            #expect(reply.status == .serviceUnavailable)
        }
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client in
            let long = try await client.send(
                .get, "/v1/banner?source=\(String(repeating: "x", count: 201))", key: server.publicKey)
            #expect(long.status == .badRequest)
            #expect(long.errorField == "source")
            let session = (1...101).map { "S\($0)" }.joined(separator: ",")
            let many = try await client.send(.get, "/v1/banner?session=\(session)", key: server.publicKey)
            #expect(many.status == .badRequest)
            #expect(many.errorField == "session")
            // SKUs the models never saw are left out, as for recommendations: still a banner.
            let unknown = try await client.send(
                .get, "/v1/banner?session=NOPE,%5BX%5D,SKILLET", key: server.publicKey)
            #expect(unknown.status == .ok, "\(unknown.text)")
            #expect(!(unknown.json["products"] as? [[String: Any]] ?? []).isEmpty)
            let none = try await client.send(.get, "/v1/banner")
            #expect(none.status == .unauthorized)
        }
    }
}

/// The segment names the API may answer.
enum LifecycleSegmentName {
    static let all: Set<String> = ["new", "active", "loyal", "high_spender", "gift_buyer", "at_risk", "lapsed", "lost"]
}
