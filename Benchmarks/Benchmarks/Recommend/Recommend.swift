import Benchmark
import BenchmarkFixtures
import Foundation
import RegularsRecommend

// One recommendation request through the Recommender, models already loaded: seeded requests over every
// placement, known customers and anonymous sessions (the work behind GET /v1/recommendations).
let benchmarks: @Sendable () -> Void = {
    Benchmark(
        "recommend one request (online-retail models, all placements)",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .microseconds,
            maxDuration: .seconds(10), maxIterations: 20_000,
            setup: { _ = OnlineRetail.shared })
    ) { benchmark in
        let recommender = Recommender(models: OnlineRetail.shared.models)
        let requests = OnlineRetail.shared.requests(2_000)
        var next = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try recommender.recommend(requests[next]))
            next = (next + 1) % requests.count
        }
    }
}
