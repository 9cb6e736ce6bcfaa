import Benchmark
import Foundation
import GRDB
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

    // Loading a store's snapshot (what `train` and `serve` start with) against the floor of the same work: the
    // snapshot's query of every line, stepped and decoded by GRDB with nothing built from it.
    let loadFolder = FileManager.default.temporaryDirectory.appendingPathComponent("regulars-bench-load-\(getpid())")
    let loadStore = loadFolder.appendingPathComponent("store.sqlite")
    let loadConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .milliseconds, scalingFactor: .one,
        maxDuration: .seconds(30), maxIterations: 10,
        setup: {
            try FileManager.default.createDirectory(at: loadFolder, withIntermediateDirectories: true)
            let orders = loadFolder.appendingPathComponent("orders.csv")
            try SyntheticOrdersFile.write(lines: lines, to: orders)
            _ = try Importer.importOrders(from: orders, format: .generic, into: try SQLiteStore(path: loadStore.path))
        },
        teardown: { try? FileManager.default.removeItem(at: loadFolder) })
    Benchmark("snapshot of a store of \(lines) order lines", configuration: loadConfiguration) { benchmark in
        let store = try SQLiteStore(path: loadStore.path)
        for _ in benchmark.scaledIterations {
            benchmark.startMeasurement()
            let snapshot = try store.snapshot(asOf: Date(timeIntervalSince1970: 4_000_000_000))
            benchmark.stopMeasurement()
            blackHole(snapshot.lineCount)
        }
    }
    Benchmark("baseline: the snapshot's query alone, \(lines) lines", configuration: loadConfiguration) { benchmark in
        let database = try DatabaseQueue(path: loadStore.path)
        for _ in benchmark.scaledIterations {
            benchmark.startMeasurement()
            let bytes = try database.read { db in
                var total = 0
                let rows = try Row.fetchCursor(db, sql: SQLiteStore.snapshotLinesSQL, arguments: [4_000_000_000])
                while let row = try rows.next() {
                    let id: String = row[0], customer: String = row[1], sku: String = row[3], name: String = row[4]
                    let numbers: Int64 = row[2] &+ row[5] &+ row[6] &+ row[7]
                    total &+=
                        id.utf8.count &+ customer.utf8.count &+ sku.utf8.count &+ name.utf8.count &+ Int(numbers & 1)
                }
                return total
            }
            benchmark.stopMeasurement()
            blackHole(bytes)
        }
    }
}
