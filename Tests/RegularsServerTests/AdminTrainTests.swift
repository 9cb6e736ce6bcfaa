import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import RegularsRecommend
import RegularsTestSupport
import Testing

@testable import RegularsServer

@Suite("Training in the server: POST /v1/admin/train and retraining after an erasure")
struct AdminTrainTests {
    @Test("a secret key trains a new version, which is served at once; a public key may not")
    func trainsAndServes() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        try await server.run { client in
            #expect(try await client.send(.post, "/v1/admin/train", key: server.publicKey).status == .forbidden)
            #expect(try await client.send(.post, "/v1/admin/train").status == .unauthorized)
            let reply = try await client.send(.post, "/v1/admin/train", key: server.secretKey)
            #expect(reply.status == .ok)
            #expect(reply.json["version"] as? Int == 2)
            #expect(reply.json["orders"] as? Int == 11)
            #expect(reply.json["as_of"] as? String == "2024-06-30T00:00:00Z")
            #expect((reply.json["training_seconds"] as? [String: Double])?["complements"] != nil)
            let recommendations = try await client.send(
                .get, "/v1/recommendations?placement=cart&cart=SKILLET", key: server.publicKey)
            #expect(recommendations.json["model_version"] as? Int == 2)
        }
    }

    @Test("a store without orders cannot be trained: 422 saying why")
    func emptyStore() async throws {
        let server = try TestServer()
        try await server.run { client in
            let reply = try await client.send(.post, "/v1/admin/train", key: server.secretKey)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.errorStatus == 422)
            #expect(ModelDirectory(storePath: server.storePath).versions.isEmpty)
        }
    }

    @Test("erasing a customer replaces every saved model version by one trained without them")
    func erasureRetrains() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        let directory = ModelDirectory(storePath: server.storePath)
        let before = try ModelSet.load(from: directory.latest!.url)
        #expect(before.snapshot.customerIndexByID["C-3"] != nil)
        try await server.run { client in
            #expect(try await client.send(.delete, "/v1/customers/C-3", key: server.secretKey).status == .ok)
            var versions = directory.versions
            for _ in 0..<500 where versions != [2] {
                try await Task.sleep(for: .milliseconds(20))
                versions = directory.versions
            }
            #expect(versions == [2])
            let after = try ModelSet.load(from: directory.file(version: 2))
            #expect(after.snapshot.customerIndexByID["C-3"] == nil)
            #expect(after.snapshot.orderCount == before.snapshot.orderCount - 2)
            #expect(after.asOf == before.asOf)
        }
    }
}
