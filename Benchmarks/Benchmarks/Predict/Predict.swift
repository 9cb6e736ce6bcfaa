import Benchmark
import Foundation
import RegularsData
import RegularsSegments
import RegularsTestSupport

// The BG/NBD fit: on CDNOW (2,357 customers, the literature's reference) and on 100,000 simulated
// customers with CDNOW-like parameters, observed for 1 to 78 weeks.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(30),
        maxIterations: 10)

    Benchmark("BG/NBD fit on CDNOW", configuration: configuration) { benchmark in
        let summaries = try SummaryFile.readSummaries(from: Fixtures.sharedData("cdnow-summary.csv"), unit: .weeks)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(BGNBDModel.train(on: summaries)) }
    }

    Benchmark("BG/NBD fit on 100k simulated customers", configuration: configuration) { benchmark in
        let customers = 100_000
        var simulator = BGNBDSimulator(.init(r: 0.24, alpha: 4.4, a: 0.79, b: 2.4), seed: 11)
        var ages = SeededRandom(seed: 5)
        let rows = (0..<customers).map { _ in simulator.customer(age: 1 + Double(ages.next() % 78)) }
        let summaries = CustomerSummaries(unit: .weeks, ids: (0..<customers).map(String.init), rows: rows)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(BGNBDModel.train(on: summaries)) }
    }
}
