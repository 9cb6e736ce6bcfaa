import Benchmark
import BenchmarkFixtures
import Foundation
import RegularsRecommend

// Trains every model of the ModelSet on online-retail (what `regulars train` does after reading the store), then
// writes and reads its model file's body.
let benchmarks: @Sendable () -> Void = {
    Benchmark(
        "train ModelSet on online-retail",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal], timeUnits: .milliseconds,
            maxDuration: .seconds(120), maxIterations: 3,
            setup: { _ = OnlineRetail.shared })
    ) { benchmark in
        let snapshot = OnlineRetail.shared.snapshot
        for _ in benchmark.scaledIterations {
            blackHole(ModelSet.train(on: snapshot, trainedAt: OnlineRetail.asOf))
        }
    }
    modelFileBenchmarks()
}
