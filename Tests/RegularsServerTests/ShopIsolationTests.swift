import Foundation
import HummingbirdTesting
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsServer

/// Two shops of one install are two stores; a server serves one. A key of the other shop must open nothing.
@Suite("Shops are isolated: another shop's key opens no route")
struct ShopIsolationTests {
    @Test(
        "every operation that takes a key answers 401 to shop B's keys on shop A's server, and learns nothing",
        arguments: StoreKind.available)
    func otherShopsKeys(kind: StoreKind) async throws {
        // On PostgreSQL the two shops are two schemas of one database.
        let shopA = try RecommendationRoutesTests.trainedServer(kind)
        let shopB = try TemporaryStore.make(kind)
        let publicB = APIKey.generate(scope: .public)
        let secretB = APIKey.generate(scope: .secret)
        try shopB.add(key: publicB.record(name: "widget", createdAt: TestServer.today))
        try shopB.add(key: secretB.record(name: "backend", createdAt: TestServer.today))
        let operations = try APIDocument.bundled.get().operations
        let keyed = operations.values.flatMap(\.values).filter { $0.scope != nil }.count
        #expect(keyed >= 15)
        try await shopA.run { client in
            for (path, methods) in operations {
                let uri = path.replacingOccurrences(of: "{id}", with: "C-1")
                    .replacingOccurrences(of: "{sku}", with: "SKILLET").replacingOccurrences(of: "{name}", with: "x")
                for (method, operation) in methods where operation.scope != nil {
                    for key in [publicB.secret, secretB.secret] {
                        let query = path == "/v1/recommendations" || path == "/v1/banner" ? "?placement=home" : ""
                        let reply = try await client.send(
                            method, uri + query, key: key, body: operation.takesBody ? "{}" : nil)
                        #expect(reply.status == .unauthorized, "\(method) \(path)")
                        #expect(!reply.text.contains("C-1") && !reply.text.contains("SKILLET"), "\(method) \(path)")
                    }
                }
            }
            // The same routes with shop A's own key do answer: the 401s above are about whose key it is.
            let own = try await client.send(.get, "/v1/customers/C-1", key: shopA.secretKey)
            #expect(own.status == .ok)
        }
    }
}
