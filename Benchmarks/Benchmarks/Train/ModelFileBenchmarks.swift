import Benchmark
import BenchmarkFixtures
import Foundation
import RegularsData
import RegularsRecommend

/// Writing and reading the trained online-retail model set's body, in the binary layout model files use and, as the
/// baseline measured in the same run, in JSON (the layout they used before).
func modelFileBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(60),
        maxIterations: 5, setup: { _ = OnlineRetail.shared })
    Benchmark("model file: encode, binary", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try BinaryEncoder().encode(OnlineRetail.shared.models)) }
    }
    Benchmark("model file: encode, JSON (baseline)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try JSONEncoder().encode(OnlineRetail.shared.models)) }
    }
    Benchmark("model file: decode, binary", configuration: configuration) { benchmark in
        let data = try BinaryEncoder().encode(OnlineRetail.shared.models)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try BinaryDecoder().decode(ModelSet.self, from: data)) }
    }
    Benchmark("model file: decode, JSON (baseline)", configuration: configuration) { benchmark in
        let data = try JSONEncoder().encode(OnlineRetail.shared.models)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try JSONDecoder().decode(ModelSet.self, from: data)) }
    }
}
