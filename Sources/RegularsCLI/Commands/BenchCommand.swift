import ArgumentParser
import Foundation
import RegularsData
import RegularsMeasure

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure speed and memory (run a release build: swift build -c release).",
        subcommands: [ImportBench.self, PredictBench.self, RecommendBench.self])

    struct ImportBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a generated generic-orders file and compare with sqlite3's .import of the same CSV.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Order lines to generate.")
        var lines = 1_000_000
        @Option(help: "Folder for the generated file and stores (default: a temporary folder, removed afterwards).")
        var work: String?

        func run() throws {
            let folder =
                work.map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("regulars-bench-\(getpid())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { if work == nil { try? FileManager.default.removeItem(at: folder) } }
            let csv = folder.appendingPathComponent("orders.csv")
            try SyntheticOrdersFile.write(lines: lines, to: csv)
            let memoryBefore = ProcessMemory.peakResidentBytes() ?? 0

            let storePath = folder.appendingPathComponent("bench.sqlite").path
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
            let clock = ContinuousClock()
            var report: ImportReport?
            let ours = try clock.measure {
                report = try Importer.importOrders(from: csv, format: .generic, into: try SQLiteStore(path: storePath))
            }
            let peak = ProcessMemory.peakResidentBytes() ?? 0

            let plain = folder.appendingPathComponent("plain.sqlite").path
            try? FileManager.default.removeItem(atPath: plain)
            let sqlite = Process()
            sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            sqlite.arguments = ["sqlite3", plain, ".import --csv \(csv.path) orders"]
            let theirs = try clock.measure {
                try sqlite.run()
                sqlite.waitUntilExit()
            }
            guard sqlite.terminationStatus == 0 else {
                throw ValidationError("sqlite3 .import failed: is sqlite3 installed?")
            }

            let result = ImportResult(
                lines: report?.rowsImported ?? 0, regularsSeconds: ours.seconds, sqlite3Seconds: theirs.seconds,
                ratio: ours.seconds / max(theirs.seconds, 1e-9), peakResidentMB: Double(peak) / 1_048_576,
                peakResidentBeforeImportMB: Double(memoryBefore) / 1_048_576)
            if global.json {
                print(try Output.json(result))
            } else {
                print(
                    String(
                        format:
                            "imported %d lines in %.2f s (%.0f lines/s); sqlite3 .import: %.2f s; ratio %.2f×; peak RSS %.0f MB",
                        result.lines, result.regularsSeconds, Double(result.lines) / result.regularsSeconds,
                        result.sqlite3Seconds, result.ratio, result.peakResidentMB))
            }
        }
    }

    struct ImportResult: Encodable {
        var lines: Int
        var regularsSeconds, sqlite3Seconds, ratio, peakResidentMB, peakResidentBeforeImportMB: Double
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
