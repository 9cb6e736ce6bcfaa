import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsServer

/// Mutation fuzzing of the JSON bodies a real server takes: never a 5xx, and every 4xx is the JSON error that
/// names what is wrong. `FUZZ_RUNS` sets the inputs per body (default 150).
@Suite("Fuzzing the JSON request bodies", .timeLimit(.minutes(5)))
struct FuzzBodiesTests {
    @Test("mutated event batches, orders, customers and products: a 2xx, or a 4xx naming the problem")
    func bodies() async throws {
        let server = try TestServer()
        let runs = ProcessInfo.processInfo.environment["FUZZ_RUNS"].flatMap(Int.init) ?? 150
        let bodies: [(HTTPRequest.Method, String, String)] = [
            (.post, "/v1/events", eventBatch([viewEvent("e1"), viewEvent("e2", customer: "C-2")])),
            (.post, "/v1/orders", orderJSON("O-1")),
            (
                .put, "/v1/customers/C-1",
                #"{"email": "ana@example.com", "first_name": "Ana", "accepts_marketing": true}"#
            ),
            (
                .put, "/v1/products/P-1",
                #"{"title": "Skillet", "price": 29.9, "category": "Cookware", "in_stock": true}"#
            ),
        ]
        var mutator = Mutator(seed: 4)
        let inputs = bodies.map { method, path, body in
            (method, path, (0..<runs).map { _ in String(decoding: mutator.mutate(Array(body.utf8)), as: UTF8.self) })
        }
        try await server.run(configure: {
            $0.publicKeyRate = nil; $0.clientAddressRate = nil
        }) { client in
            var executions = 0
            for (method, path, mutations) in inputs {
                for (run, mutated) in mutations.enumerated() {
                    let reply = try await client.send(method, path, key: server.secretKey, body: mutated)
                    #expect(reply.status.code < 500, "\(path) #\(run): \(reply.status) \(reply.text)")
                    if reply.status.code >= 400 {
                        let message = (reply.json["error"] as? [String: Any])?["message"] as? String
                        #expect(message?.isEmpty == false, "\(path) #\(run): \(reply.text)")
                    }
                    executions += 1
                }
            }
            print("fuzz: JSON bodies through a real server, \(executions) requests, 0 server errors")
        }
    }
}
