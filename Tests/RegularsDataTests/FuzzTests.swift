import Foundation
import RegularsData
import RegularsTestSupport
import Testing

/// Mutation fuzzing of the CSV reader and every importer, from the fixtures and the shipped corpus
/// (Tests/Fixtures/fuzz). Nothing may crash or hang; every refusal names the file, the line and the field;
/// a refused import leaves the store as it was. `FUZZ_RUNS` sets the inputs per seed file (default 150).
@Suite("Fuzzing the CSV reader and the importers", .timeLimit(.minutes(5)))
struct FuzzTests {
    static let runs = ProcessInfo.processInfo.environment["FUZZ_RUNS"].flatMap(Int.init) ?? 150

    static func seeds(_ names: [String]) -> [(name: String, bytes: [UInt8])] {
        let corpus = Fixtures.file("fuzz")
        let shipped = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return (names.map { Fixtures.file($0) } + shipped.sorted().map { corpus.appendingPathComponent($0) })
            .compactMap { url in (try? Data(contentsOf: url)).map { (url.lastPathComponent, Array($0)) } }
    }

    /// Every rejection names a line (1 or more, within the file) and a field (a whole-row problem names none).
    static func check(_ errors: [ImportError], lines: Int, file: String) {
        for error in errors {
            #expect(error.file == file)
            #expect(error.line >= 1 && error.line <= lines + 1, "\(error) (the file has \(lines) lines)")
            if case .wrongFieldCount = error.reason {} else { #expect(!error.field.isEmpty, "\(error)") }
        }
    }

    @Test("the CSV reader: records or an error naming the line, never a crash or a hang")
    func reader() throws {
        var mutator = Mutator(seed: 1)
        var executions = 0
        let folder = try Fixtures.temporaryDirectory()
        for seed in Self.seeds([
            "generic/orders.csv", "shopify/orders_export.csv", "shopify/products_export_legacy.csv",
        ]) {
            for run in 0..<Self.runs {
                let url = folder.appendingPathComponent("input.csv")
                try Data(mutator.mutate(seed.bytes)).write(to: url)
                let reader = try CSVReader(url: url, displayName: "input.csv")
                var records = 0
                while true {
                    do {
                        guard try reader.readRecord() != nil else { break }
                        records += 1
                    } catch let error as CSVError {
                        #expect(error.file == "input.csv", "\(seed.name) #\(run)")
                        #expect(error.line >= 0, "\(seed.name) #\(run)")
                        if error.record == nil { break }
                    }
                    #expect(records < 100_000)
                }
                executions += 1
            }
        }
        print("fuzz: CSV reader, \(executions) inputs, 0 crashes")
    }

    @Test(
        "every importer: imported, or refused naming line and field with the store unchanged",
        arguments: StoreKind.available)
    func importers(kind: StoreKind) throws {
        var mutator = Mutator(seed: 2)
        var executions = 0
        var refused = 0
        let folder = try Fixtures.temporaryDirectory()
        let store = try TemporaryStore.make(kind)
        let kinds: [(seed: String, run: (URL, ImportFormat) throws -> ImportReport, format: ImportFormat)] = [
            (
                "generic/orders.csv",
                { try Importer.importOrders(from: $0, displayName: "in.csv", format: $1, into: store) }, .generic
            ),
            (
                "shopify/orders_export.csv",
                { try Importer.importOrders(from: $0, displayName: "in.csv", format: $1, into: store) }, .shopify
            ),
            (
                "generic/products.csv",
                { try Importer.importProducts(from: $0, displayName: "in.csv", format: $1, into: store) }, .generic
            ),
            (
                "shopify/products_export_current.csv",
                { try Importer.importProducts(from: $0, displayName: "in.csv", format: $1, into: store) }, .shopify
            ),
        ]
        for kind in kinds {
            let seed = try Array(Data(contentsOf: Fixtures.file(kind.seed)))
            for run in 0..<Self.runs {
                let bytes = mutator.mutate(seed)
                let url = folder.appendingPathComponent("in.csv")
                try Data(bytes).write(to: url)
                // A line ends at LF, CRLF or a lone CR.
                let lines =
                    zip(bytes, bytes.dropFirst() + [0]).filter { $0 == 0x0A || ($0 == 0x0D && $1 != 0x0A) }
                    .count + 1
                let before = try store.statistics()
                do {
                    let report = try kind.run(url, kind.format)
                    Self.check(report.rejected, lines: lines, file: "in.csv")
                } catch let error as ImportRefused {
                    refused += 1
                    Self.check(error.report.rejected, lines: lines, file: "in.csv")
                    #expect(!error.report.rejected.isEmpty, "\(kind.seed) #\(run)")
                    let after = try store.statistics()
                    #expect(after.orders == before.orders && after.orderLines == before.orderLines)
                    #expect(after.products == before.products && after.customers == before.customers)
                } catch let error as ImportError {
                    refused += 1
                    Self.check([error], lines: lines, file: "in.csv")
                } catch let error as CSVError {
                    refused += 1
                    #expect(error.file == "in.csv")
                }
                executions += 1
            }
        }
        print("fuzz: importers, \(executions) inputs, \(refused) refused with line and field, 0 crashes")
    }
}
