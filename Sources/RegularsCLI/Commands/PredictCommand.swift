import ArgumentParser
import Foundation
import RegularsData
import RegularsSegments
import RegularsShop

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract:
            "Per-customer predictions: P(alive), expected orders, next order date and lifetime value "
            + "(BG/NBD + Gamma-Gamma).",
        discussion: """
            From the store: `regulars predict [--customer ID] [--out FILE]`.
            Hold-out check: `regulars predict --validate --calibration-end 2011-09-09` (fits before, compares after).
            On a transactions file (customer_id,date,dollars, like CDNOW): add `--transactions FILE --holdout-end DATE`.
            On a ready summary (ID,x,t_x,T,zbar): \
            `regulars predict --summary cdnow-summary.csv --json [--out FILE] [--horizon 39]`.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this customer (id).")
    var customer: String?
    @Option(help: "Write one CSV row per customer (or per summary ID) to this file.")
    var out: String?
    @Option(help: "Segment definitions JSON file (see `regulars segments`).")
    var definitions: String?
    @Flag(help: "Fit on the calibration period and compare predictions with what happened after it.")
    var validate = false
    @Option(name: .customLong("calibration-end"), help: "With --validate: the last day of the calibration period.")
    var calibrationEnd: String?
    @Option(name: .customLong("holdout-end"), help: "With --validate --transactions: the last day of the hold-out.")
    var holdoutEnd: String?
    @Option(help: "With --validate: a transactions CSV (customer_id,date,dollars) instead of the store.")
    var transactions: String?
    @Option(help: "A summary CSV with ID,x,t_x,T,zbar (time in weeks) to fit instead of the store.")
    var summary: String?
    @Option(help: "With --summary: expected purchases over this many periods of the summary's unit.")
    var horizon: Double = 39

    func run() throws {
        if let summary { return try runSummary(summary) }
        if validate { return try runValidation() }
        let shop = try global.openShop()
        let asOf = try global.asOf(shop)
        let snapshot = try shop.store.snapshot(asOf: asOf)
        if let customer, snapshot.customerIndexByID[customer] == nil {
            throw ValidationError("no customer '\(customer)' in \(global.storeName)")
        }
        let report = PredictionReport.make(
            snapshot: snapshot, asOf: asOf, settings: try PredictionSettings.load(definitions))
        if let out {
            try shop.writePersonalFile(
                Data(report.csv(customer: customer).utf8), to: URL(fileURLWithPath: out), kind: .predictions)
        }
        print(global.json ? String(decoding: try report.json(customer: customer), as: UTF8.self) : report.text)
    }

    private func day(_ text: String?, _ option: String) throws -> Date {
        guard let text else { throw ValidationError("\(option) is required here (YYYY-MM-DD)") }
        guard let seconds = Timestamp.parse(text) else {
            throw ValidationError("\(option): cannot read \"\(text)\" as a date; expected YYYY-MM-DD")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private func runValidation() throws {
        let end = try day(calibrationEnd, "--calibration-end")
        let fit: ModelFit<HoldoutValidation>
        if let transactions {
            let rows: [CustomerTransaction]
            do { rows = try SummaryFile.readTransactions(from: URL(fileURLWithPath: transactions)) } catch {
                throw ValidationError("\(error)")
            }
            fit = HoldoutValidation.validate(
                transactions: rows, calibrationEnd: end, holdoutEnd: try day(holdoutEnd, "--holdout-end"), unit: .weeks)
        } else {
            let shop = try global.openShop()
            let snapshot = try shop.store.snapshot(asOf: try global.asOf(shop))
            fit = HoldoutValidation.validate(snapshot: snapshot, calibrationEnd: end, unit: .days)
        }
        switch fit {
        case .fitted(let validation):
            print(global.json ? String(decoding: try validation.json(), as: UTF8.self) : validation.text)
        case .notEnoughData(let shortfall):
            throw ValidationError(shortfall.description)
        }
    }

    private func runSummary(_ path: String) throws {
        let summaries: CustomerSummaries
        do { summaries = try SummaryFile.readSummaries(from: URL(fileURLWithPath: path), unit: .weeks) } catch {
            throw ValidationError("\(error)")
        }
        switch SummaryPredictions.make(summaries: summaries, horizon: horizon) {
        case .fitted(let predictions):
            // From a summaries file, not the store: nothing to note for erasure, but owner-only all the same.
            if let out { try PrivateFile.write(Data(predictions.csv.utf8), to: URL(fileURLWithPath: out)) }
            print(String(decoding: try predictions.parametersJSON(), as: UTF8.self))
        case .notEnoughData(let shortfall):
            throw ValidationError(shortfall.description)
        }
    }
}
