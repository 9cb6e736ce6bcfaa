// TEMPORARY (not to commit): runs the server on a fixed port for an external schemathesis run.
import Foundation
import Hummingbird
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsServer

@Test(.enabled(if: ProcessInfo.processInfo.environment["REGULARS_SCHEMATHESIS_PORT"] != nil))
func serveForSchemathesis() async throws {
    let port = Int(ProcessInfo.processInfo.environment["REGULARS_SCHEMATHESIS_PORT"]!)!
    let server = try RecommendationRoutesTests.trainedServer()
    try "\(server.publicKey)\n\(server.secretKey)\n".write(
        toFile: "/tmp/regulars-openapi/keys", atomically: true, encoding: .utf8)
    var configuration = ServerConfiguration(metrics: MetricsBootstrap.shared)
    configuration.port = port
    configuration.allowedOrigins = ["https://shop.example"]
    let app = try await buildApplication(configuration, store: server.store, now: { TestServer.today })
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.runService(gracefulShutdownSignals: []) }
        try await Task.sleep(
            for: .seconds(Int(ProcessInfo.processInfo.environment["REGULARS_SCHEMATHESIS_SECONDS"] ?? "300")!))
        group.cancelAll()
    }
}
