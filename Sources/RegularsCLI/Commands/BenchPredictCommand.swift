import ArgumentParser
import Foundation
import RegularsData
import RegularsMeasure
import RegularsSegments

extension BenchCommand {
    struct PredictBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "predict",
            abstract: "Time the BG/NBD fit on CDNOW and on a simulated shop of many customers, with predictions.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The CDNOW summary file (ID,x,t_x,T,zbar).")
        var summary = "../shared/data/cdnow-summary.csv"
        @Option(help: "Simulated customers.")
        var customers = 1_000_000

        func run() throws {
            let clock = ContinuousClock()
            var result = Result()
            if FileManager.default.fileExists(atPath: summary) {
                let cdnow = try SummaryFile.readSummaries(from: URL(fileURLWithPath: summary), unit: .weeks)
                var fit: ModelFit<BGNBDModel>?
                result.cdnowFitMilliseconds = clock.measure { fit = BGNBDModel.train(on: cdnow) }.seconds * 1000
                result.cdnowLogLikelihood = fit?.model?.logLikelihood
                result.cdnowGammaGammaMilliseconds =
                    clock.measure { _ = GammaGammaModel.train(on: cdnow) }.seconds * 1000
            }
            // CDNOW-like parameters, customers observed for 1 to 78 weeks.
            var simulator = BGNBDSimulator(.init(r: 0.24, alpha: 4.4, a: 0.79, b: 2.4), seed: 11)
            var rows: [CustomerSummary] = []
            rows.reserveCapacity(customers)
            var ages = SeededRandom(seed: 5)
            for _ in 0..<customers { rows.append(simulator.customer(age: 1 + Double(ages.next() % 78))) }
            let simulated = CustomerSummaries(unit: .weeks, ids: (0..<customers).map(String.init), rows: rows)
            var fit: ModelFit<BGNBDModel>?
            result.simulatedFitSeconds = clock.measure { fit = BGNBDModel.train(on: simulated) }.seconds
            if let model = fit?.model {
                result.simulatedParameters = [
                    model.parameters.r, model.parameters.alpha, model.parameters.a, model.parameters.b,
                ]
                var total = 0.0
                result.simulatedPredictSeconds =
                    clock.measure {
                        for row in rows {
                            total += model.probabilityAlive(row) + model.expectedPurchases(row, within: 39)
                        }
                    }.seconds
                result.checksum = total
            }
            result.customers = customers
            result.peakResidentMB = Double(ProcessMemory.peakResidentBytes() ?? 0) / 1_048_576
            if global.json {
                print(try Output.json(result))
            } else {
                print(
                    String(
                        format: "CDNOW: BG/NBD fit %.1f ms, Gamma-Gamma fit %.1f ms",
                        result.cdnowFitMilliseconds ?? .nan, result.cdnowGammaGammaMilliseconds ?? .nan))
                print(
                    String(
                        format:
                            "%d simulated customers: BG/NBD fit %.2f s, P(alive) + expected purchases for all %.2f s; peak RSS %.0f MB",
                        customers, result.simulatedFitSeconds ?? .nan, result.simulatedPredictSeconds ?? .nan,
                        result.peakResidentMB))
                print(
                    "  fitted r, alpha, a, b = \(result.simulatedParameters.map { String(format: "%.3f", $0) }.joined(separator: ", ")) (simulated with 0.24, 4.4, 0.79, 2.4)"
                )
            }
        }
    }

    struct Result: Encodable {
        var cdnowFitMilliseconds: Double?
        var cdnowGammaGammaMilliseconds: Double?
        var cdnowLogLikelihood: Double?
        var customers = 0
        var simulatedFitSeconds: Double?
        var simulatedPredictSeconds: Double?
        var simulatedParameters: [Double] = []
        var checksum = 0.0
        var peakResidentMB = 0.0
    }
}
