import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import Testing

@testable import RegularsServer

@Suite("The public key's limits, and who may read /metrics")
struct RateLimitTests {
    @Test("a token bucket lets a burst through, refuses the next with the wait, and refills at its rate")
    func bucket() throws {
        let limiter = RateLimiter(rate: .init(perSecond: 2, burst: 3))
        let start = ContinuousClock.now
        for _ in 0..<3 { #expect(limiter.take("k", now: start) == nil) }
        let wait = try #require(limiter.take("k", now: start))
        #expect(wait == .milliseconds(500))
        #expect(limiter.take("other", now: start) == nil)
        #expect(limiter.take("k", now: start + .milliseconds(500)) == nil)
        #expect(limiter.take("k", now: start + .milliseconds(500)) != nil)
    }

    @Test("over the public key's limit: 429 with Retry-After; the secret key is not limited")
    func perKey() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run(configure: {
            $0.publicKeyRate = RateLimit(perSecond: 0.01, burst: 10); $0.clientAddressRate = nil
        }) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<12 {
                statuses.append(
                    try await client.send(.get, "/v1/recommendations?placement=home", key: server.publicKey).status)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == .ok })
            #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests })
            let refused = try await client.send(
                .post, "/v1/events", key: server.publicKey, body: eventBatch([viewEvent("e1")]))
            #expect(refused.status == .tooManyRequests)
            #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(refused.errorStatus == 429)
            for _ in 0..<20 {
                #expect(
                    try await client.send(.get, "/v1/recommendations?placement=home", key: server.secretKey).status
                        == .ok)
            }
        }
    }

    @Test("one client address is limited apart from the key")
    func perAddress() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run(configure: {
            $0.publicKeyRate = nil; $0.clientAddressRate = RateLimit(perSecond: 0.01, burst: 4)
        }) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<5 {
                statuses.append(
                    try await client.send(.get, "/v1/recommendations?placement=home", key: server.publicKey).status)
            }
            #expect(statuses == [.ok, .ok, .ok, .ok, .tooManyRequests])
        }
    }

    @Test("/metrics answers this machine; from elsewhere it needs a secret key, unless opened")
    func metricsAccess() async throws {
        let server = try TestServer()
        try await server.run { client in
            let local = try await client.send(.get, "/metrics")
            #expect(local.status == .ok)
        }
        // The router test mode has no client address: the request is not from this machine.
        try await server.run(mode: .router, configure: { _ in }) { client in
            let anonymous = try await client.send(.get, "/metrics")
            #expect(anonymous.status == .unauthorized)
            let publicKey = try await client.send(.get, "/metrics", key: server.publicKey)
            #expect(publicKey.status == .unauthorized)
            #expect(try await client.send(.get, "/metrics", key: server.secretKey).status == .ok)
        }
        try await server.run(mode: .router, configure: { $0.openMetrics = true }) { client in
            let opened = try await client.send(.get, "/metrics")
            #expect(opened.status == .ok)
        }
    }
}
