import Benchmark
import BenchmarkFixtures
import Foundation
import RegularsRecommend

// One recommendation request through the Recommender, models already loaded: seeded requests over every
// placement, known customers and anonymous sessions (the work behind GET /v1/recommendations). Twice: as a server
// answers once its model set's personal lists and the day's restocks and next steps are computed
// (`Recommender.precomputePersonalLists`, `precomputeDayEvidence`), and with the ranker scoring the customer's
// candidates and the request computing their evidence (a customer past the lists' budget, or before they are ready).
let benchmarks: @Sendable () -> Void = {
    for (name, recommender) in [
        ("recommend one request (online-retail models, all placements)", { RecommendFixture.shared.ahead }),
        ("recommend one request, ranker scored in the request", { RecommendFixture.shared.computing }),
    ] {
        Benchmark(
            name,
            configuration: .init(
                metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .microseconds,
                maxDuration: .seconds(10), maxIterations: 20_000,
                setup: { _ = RecommendFixture.shared })
        ) { benchmark in
            // The harness calls this closure once per sample: the sample's number picks the request, so the
            // samples go through all 2,000 in turn (a counter local to the closure would measure the first one
            // every time).
            let requests = RecommendFixture.shared.requests
            let request = requests[benchmark.currentIteration % requests.count]
            let recommender = recommender()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(try recommender.recommend(request)) }
        }
    }

    // What the lists cost: computed once per model set, after it loads, off the request path.
    Benchmark(
        "compute every customer's personal list (online-retail models)",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal], timeUnits: .milliseconds, maxDuration: .seconds(30), maxIterations: 5,
            setup: { _ = OnlineRetail.shared })
    ) { benchmark in
        let recommender = Recommender(models: OnlineRetail.shared.models)
        benchmark.startMeasurement()
        recommender.precomputePersonalLists()
        blackHole(recommender.personalLists.count)
    }

    // What a day's restocks and next steps cost: computed once a day for the customers with a list.
    Benchmark(
        "compute the day's restocks and next steps of every customer with a list (online-retail models)",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal], timeUnits: .milliseconds, maxDuration: .seconds(30), maxIterations: 5,
            setup: { _ = RecommendFixture.shared })
    ) { benchmark in
        // The lists name the customers; the evidence is computed again at every sample (and kept the first time).
        let recommender = RecommendFixture.shared.ahead
        benchmark.startMeasurement()
        recommender.precomputeDayEvidence(asOf: OnlineRetail.shared.models.asOf)
        benchmark.stopMeasurement()
    }
}

/// The recommenders and their requests, built once per process, outside what is measured.
final class RecommendFixture: Sendable {
    static let shared = RecommendFixture()
    let requests = OnlineRetail.shared.requests(2_000)
    /// With every customer's personal list and the day's evidence computed, as a server has them once a model set
    /// is loaded (the requests are as of the models' date).
    let ahead: Recommender = {
        let recommender = Recommender(models: OnlineRetail.shared.models)
        recommender.precomputePersonalLists()
        recommender.precomputeDayEvidence(asOf: OnlineRetail.shared.models.asOf)
        return recommender
    }()
    let computing = Recommender(models: OnlineRetail.shared.models)
}
