import AsyncHTTPClient
import Benchmark
import BenchmarkFixtures
import Foundation
import Hummingbird
import RegularsData
import RegularsServer

// A real server on 127.0.0.1 over the online-retail store and models, asked one request at a time by an
// HTTP client in the same process: GET /health (the trivial route: the cost of HTTP itself) beside
// GET /v1/recommendations for known customers, so that the ratio of the two is what the route adds.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput], timeUnits: .microseconds, maxDuration: .seconds(10),
        maxIterations: 20_000, setup: { try await TestServer.shared.start() })

    Benchmark("GET /health", configuration: configuration) { benchmark in
        let server = TestServer.shared
        for _ in benchmark.scaledIterations { blackHole(try await server.get("/health")) }
    }

    Benchmark("GET /v1/recommendations (known customers, cache bypassed)", configuration: configuration) {
        benchmark in
        let server = TestServer.shared
        // One sample per call of this closure: the sample's number picks the customer, so the samples go through
        // the 2,000 in turn.
        let customers = TestServer.customers
        let id = customers[benchmark.currentIteration % customers.count]
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await server.get("/v1/recommendations?placement=home&n=8&customer=\(id)"))
        }
    }

    // The same question every time (a returning customer's home page): the server's answer cache serves it.
    Benchmark("GET /v1/recommendations (one known customer, from the answer cache)", configuration: configuration) {
        benchmark in
        let server = TestServer.shared
        let path = "/v1/recommendations?placement=home&n=8&customer=\(TestServer.customers[0])"
        for _ in benchmark.scaledIterations { blackHole(try await server.get(path, cached: true)) }
    }
}

/// The server, started once per process on a fixed port (`REGULARS_BENCH_PORT`, default 18_191).
actor TestServer {
    static let shared = TestServer()
    nonisolated let port = ProcessInfo.processInfo.environment["REGULARS_BENCH_PORT"].flatMap(Int.init) ?? 18_191
    nonisolated let key = "bench-secret-\(getpid())"
    /// The known customers of 2,000 seeded requests, percent-encoded for a query string.
    static let customers = OnlineRetail.shared.requests(2_000).compactMap(\.customer).map {
        $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }
    private var started = false

    func start() async throws {
        if started { return }
        started = true
        let retail = OnlineRetail.shared
        try retail.store.add(
            key: APIKeyRecord(name: "bench", scope: .secret, hash: APIKeyRecord.digest(of: key), createdAt: Date()))
        var configuration = ServerConfiguration()
        configuration.port = port
        configuration.storePath = retail.storePath
        let app = try await buildApplication(configuration, store: retail.store, now: { OnlineRetail.asOf })
        // Runs until the benchmark process exits.
        Task { try await app.runService() }
        // Up, and done computing the personal lists it computes after loading the models, as `serve` is a few
        // seconds after it starts (until then a request computes its customer's list itself).
        for _ in 0..<600 {
            let lines = (try? await metrics())?.split(separator: "\n") ?? []
            let lists = lines.first { $0.hasPrefix("regulars_personal_lists ") }?.split(separator: " ").last
            if let lists, let count = Double(lists), count > 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw HTTPClientError.connectTimeout
    }

    /// `GET /metrics` (this machine needs no key), or "" when the server does not answer yet.
    nonisolated func metrics() async throws -> String {
        let response = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: "http://127.0.0.1:\(port)/metrics"), timeout: .seconds(10))
        guard response.status == .ok else { return "" }
        return String(buffer: try await response.body.collect(upTo: 1 << 22))
    }

    /// The status of a GET; the body is read, as a client would.
    nonisolated func get(_ path: String, cached: Bool = false) async throws -> UInt {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        // Unless asked, bypasses the server's answer cache: every request runs the recommender.
        if !cached { request.headers.add(name: "Cache-Control", value: "no-cache") }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        return response.status.code
    }
}
