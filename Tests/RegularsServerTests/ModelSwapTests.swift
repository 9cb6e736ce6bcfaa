import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import RegularsRecommend
import RegularsTestSupport
import Testing

@testable import RegularsServer

@Suite("Model versions in the server")
struct ModelSwapTests {
    @Test("a newer model version saved while the server runs is served without a restart")
    func swapsToNewerVersion() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run(modelCheckInterval: .zero) { client in
            let uri = "/v1/recommendations?placement=cart&cart=SKILLET"
            #expect(try await client.send(.get, uri, key: server.publicKey).json["model_version"] as? Int == 1)
            let models = ModelSet.train(
                on: try server.store.snapshot(asOf: TestServer.today), trainedAt: TestServer.today)
            #expect(try ModelDirectory(storePath: server.store.path).save(models) == 2)
            var version: Int?
            for _ in 0..<100 where version != 2 {
                version = try await client.send(.get, uri, key: server.publicKey).json["model_version"] as? Int
                if version != 2 { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(version == 2)
            let health = try await client.send(.get, "/health")
            #expect(health.json["model_version"] as? Int == 2)
            let metrics = try await client.send(.get, "/metrics").text
            #expect(metrics.contains("regulars_model_version 2"))
            #expect(metrics.contains("regulars_model_training_seconds"))
        }
    }

    @Test("an erased customer is no longer personalized for, even before the models are retrained")
    func erasedCustomerIsAnonymous() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client async throws in
            let uri = "/v1/recommendations?placement=home&customer=C-3"
            #expect(try await client.send(.get, uri, key: server.publicKey).json["personalized"] as? Bool == true)
            #expect(try await client.send(.delete, "/v1/customers/C-3", key: server.secretKey).status == .ok)
            #expect(try await client.send(.get, uri, key: server.publicKey).json["personalized"] as? Bool == false)
        }
    }
}
