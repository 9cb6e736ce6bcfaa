import Benchmark
import Foundation
import RegularsData
import RegularsTestSupport

// Imports a synthetic generic-orders file into a fresh SQLite store: the path `regulars import orders`
// takes. `REGULARS_BENCH_LINES` sets the file's size (default 200,000 lines; scripts/import-vs-sqlite.sh
// measures a million against sqlite3 itself).
let benchmarks: @Sendable () -> Void = {
    let lines = ProcessInfo.processInfo.environment["REGULARS_BENCH_LINES"].flatMap(Int.init) ?? 200_000
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regulars-bench-import-\(getpid())")
    let file = folder.appendingPathComponent("orders.csv")

    Benchmark(
        "import \(lines) generic order lines into a fresh store",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal], timeUnits: .milliseconds,
            scalingFactor: .one, maxDuration: .seconds(60), maxIterations: 5,
            setup: {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try SyntheticOrdersFile.write(lines: lines, to: file)
            },
            teardown: { try? FileManager.default.removeItem(at: folder) })
    ) { benchmark in
        for iteration in benchmark.scaledIterations {
            let path = folder.appendingPathComponent("store-\(iteration).sqlite").path
            let store = try SQLiteStore(path: path)
            benchmark.startMeasurement()
            let report = try Importer.importOrders(from: file, format: .generic, into: store)
            benchmark.stopMeasurement()
            blackHole(report.rowsImported)
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}
