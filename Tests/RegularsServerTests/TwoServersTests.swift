import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import RegularsPostgres
import RegularsRecommend
import RegularsTestSupport
import Testing

@testable import RegularsServer

/// Two servers on one store, as behind a load balancer: what one knows, the other knows.
@Suite("Two servers on one store")
struct TwoServersTests {
    /// A server over its own connection to `server`'s store, as a second process would open it.
    static func application(
        _ server: TestServer, configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        var configuration = ServerConfiguration.testing
        configuration.metrics = MetricsBootstrap.shared
        configuration.modelCheckInterval = .milliseconds(100)
        configuration.storePath = server.storePath
        configure(&configuration)
        let store: any Store =
            if let postgres = server.store as? PostgresStore {
                try PostgresStore(location: postgres.location)
            } else {
                try SQLiteStore(path: server.storePath)
            }
        return try await buildApplication(configuration, store: store, now: { TestServer.today })
    }

    @Test(
        "a dashboard session opened on one works on the other, a link works once on either, signing out ends both",
        arguments: StoreKind.available)
    func sharedSessions(kind: StoreKind) async throws {
        let server = try TestServer(kind)
        let first = try await Self.application(server)
        let second = try await Self.application(server)
        let tokens = Locked<[String]>([])
        try await first.test(.live) { one in
            try await second.test(.live) { two in
                let cookie = try #require(
                    DashboardTests.cookie(try await DashboardTests.signIn(one, key: server.secretKey)))
                #expect(try await two.send(.get, "/dashboard", headers: [.cookie: cookie]).status == .ok)
                tokens.withLock { $0.append(String(cookie.split(separator: "=")[1])) }

                let link = try await one.send(.post, "/v1/admin/dashboard-link", key: server.secretKey)
                let url = try #require(link.json["url"] as? String)
                tokens.withLock { $0.append(String(url.split(separator: "=")[1])) }
                let redeemed = try await two.send(.get, url)
                #expect(DashboardTests.cookie(redeemed) != nil)
                #expect(try await one.send(.get, url).status == .unauthorized, "a link works once, on either server")

                #expect(try await two.send(.post, "/dashboard/logout", headers: [.cookie: cookie]).status == .seeOther)
                #expect(try await one.send(.get, "/dashboard", headers: [.cookie: cookie]).status == .seeOther)
            }
        }
        // No file of the store holds a token: only hashes of them.
        #expect(tokens.current.count == 2 && tokens.current.allSatisfy { $0.count == 64 })
        let folder = URL(fileURLWithPath: server.storePath).deletingLastPathComponent()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.contains("sqlite") {
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            for token in tokens.current { #expect(!text.contains(token), "\(name)") }
        }
    }

    @Test("a model version trained while both serve is served by both within a second", arguments: StoreKind.available)
    func bothSwap(kind: StoreKind) async throws {
        let server = try RecommendationRoutesTests.trainedServer(kind)
        let first = try await Self.application(server)
        let second = try await Self.application(server)
        try await first.test(.live) { one in
            try await second.test(.live) { two in
                for client in [one, two] {
                    #expect(try await client.send(.get, "/health").json["model_version"] as? Int == 1)
                }
                let models = ModelSet.train(
                    on: try server.store.snapshot(asOf: TestServer.today), trainedAt: TestServer.today)
                _ = try ModelDirectory(storePath: server.storePath).save(models)
                let start = ContinuousClock.now
                for client in [one, two] {
                    var version: Int?
                    while version != 2, ContinuousClock.now - start < .seconds(10) {
                        version = try await client.send(.get, "/health").json["model_version"] as? Int
                        if version != 2 { try await Task.sleep(for: .milliseconds(20)) }
                    }
                    #expect(version == 2)
                }
                #expect(ContinuousClock.now - start < .seconds(5))
            }
        }
    }

    @Test(
        "two servers on one store split a public key's limit: together they let its burst through once, not twice",
        arguments: StoreKind.available)
    func sharedRateLimit(kind: StoreKind) async throws {
        let server = try RecommendationRoutesTests.trainedServer(kind)
        let limited: (inout ServerConfiguration) -> Void = {
            $0.publicKeyRate = RateLimit(perSecond: 0.01, burst: 10)
            $0.clientAddressRate = nil
            $0.presenceInterval = .milliseconds(100)
        }
        let first = try await Self.application(server, configure: limited)
        let second = try await Self.application(server, configure: limited)
        try await first.test(.live) { one in
            try await second.test(.live) { two in
                // Both have beaten at least once since the other started: each knows there are two.
                try await Task.sleep(for: .milliseconds(400))
                var ok = 0
                for _ in 0..<8 {
                    for client in [one, two] {
                        let status = try await client.send(
                            .get, "/v1/recommendations?placement=home", key: server.publicKey
                        ).status
                        if status == .ok { ok += 1 } else { #expect(status == .tooManyRequests) }
                    }
                }
                #expect(ok == 10, "the burst of 10, split 5 and 5; not 16 (8 each)")
            }
        }
    }
}
