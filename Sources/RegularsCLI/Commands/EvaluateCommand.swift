import ArgumentParser
import Foundation
import RegularsData
import RegularsMeasure
import RegularsRecommend
import RegularsShop

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract:
            "The offline benchmark (../shared/bench/PROTOCOL.md) on an orders file: train before the cutoff, "
            + "score the last 30 days.",
        discussion: """
            Scores what the API serves: imports the file into a temporary store, trains the model set as of \
            T_max − 30 days as `regulars train` does, asks the `home` placement (default rules, privacy guard) for 20 \
            products per test customer, and prints the table `score.py score` prints, for both tracks; the `new` \
            track asks the same placement to leave out what the customer owns. With --out p.csv it writes the `all` \
            lists to p.csv and the `new` lists to p-new.csv. --model NAME scores one bare model instead (diagnostics).
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "An orders file in the generic format (.csv or .csv.gz).")
    var file: String
    @Option(help: "Write the predictions file(s) here.")
    var out: String?
    @Option(
        help:
            "served (default), or one bare model: \(RecommenderKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: String = "served"
    @Flag(help: "Apply the protocol to the training lines only (cutoff − 30 days): the split settings are tuned on.")
    var validation = false

    func run() throws {
        let kind = RecommenderKind(rawValue: model)
        guard model == "served" || kind != nil else {
            throw ValidationError(
                "unknown model '\(model)'; expected served or one of "
                    + "\(RecommenderKind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("\(file): no such file") }
        let url = URL(fileURLWithPath: file)
        let bar = ProgressBar(label: "reading \(url.lastPathComponent)")
        let lines = try OrderLinesFile.read(from: url, displayName: file, progress: { bar.update($0) })
        guard !lines.isEmpty else { throw ValidationError("\(file): no order lines") }
        let report: EvaluationReport, predictions: Predictions, serving: ServedEvaluation.Serving?
        if let kind {
            (report, predictions) = try OfflineEvaluation.evaluate(lines: lines, model: kind, validation: validation)
            serving = nil
        } else {
            (report, serving, predictions) = try ServedEvaluation.evaluate(
                file: url, displayName: file, lines: lines, validation: validation)
        }
        var written: [Track: URL] = [:]
        if let out { written = try PredictionsFile.write(predictions, to: URL(fileURLWithPath: out)) }
        if global.json {
            print(try Output.json(EvaluateJSON(report: report, serving: serving)))
        } else {
            print(report.text)
            if let serving {
                print(
                    "served by placement \(serving.placement) as of \(serving.asOf); lists shorter than 20: "
                        + Track.allCases.map { "\($0.rawValue) \(serving.shortLists[$0.rawValue] ?? 0)" }.joined(
                            separator: ", "))
                for track in Track.allCases {
                    guard let table = serving.reliability[track.rawValue] else { continue }
                    print(
                        "purchase probability, \(track.rawValue): predicted vs bought per tenth of the picks: "
                            + table.bins.map { String(format: "%.3f/%.3f", $0.predicted, $0.observed) }.joined(
                                separator: " ") + String(format: " (Brier %.4f)", table.brier))
                }
            }
            for track in Track.allCases {
                if let url = written[track] {
                    print(
                        "track \(track.rawValue): \(url.path)  "
                            + "(python3 ../shared/bench/score.py score \(file) \(url.path) --track \(track.rawValue))"
                    )
                }
            }
        }
    }
}

/// `evaluate --json`: the report's keys, plus `serving` for the served path.
struct EvaluateJSON: Encodable {
    var report: EvaluationReport
    var serving: ServedEvaluation.Serving?

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        enum Key: String, CodingKey { case serving }
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(serving, forKey: .serving)
    }
}

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract:
            "Does weighting recent orders beat all history for this shop? The benchmark at the store's last 30 days.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("half-life"), help: "Half-lives to compare, e.g. 30d,90d,365d,all.")
    var halfLife = "30d,90d,365d,all"
    @Option(help: "The model to back-test.")
    var model: String = RecommenderKind.ranker.rawValue

    func run() throws {
        guard let kind = RecommenderKind(rawValue: model) else {
            throw ValidationError(
                "unknown model '\(model)'; expected one of "
                    + "\(RecommenderKind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        let halfLives: [Double?] = try halfLife.split(separator: ",").map { item in
            let text = item.trimmingCharacters(in: .whitespaces).lowercased()
            if text == "all" { return nil }
            guard let days = Double(text.hasSuffix("d") ? String(text.dropLast()) : text), days > 0 else {
                throw ValidationError("--half-life: cannot read '\(item)'; expected days such as 90d, or all")
            }
            return days
        }
        let shop = try global.openShop()
        let snapshot = try shop.store.snapshot(asOf: try global.asOf(shop))
        guard snapshot.orderCount > 0 else { throw ValidationError("the store has no orders to back-test") }
        let report = Backtest.run(lines: snapshot.builderLines, model: kind, halfLives: halfLives)
        // Kept beside the store for the dashboard.
        try report.save(to: BacktestReport.fileURL(storePath: try global.filesBase()))
        print(global.json ? try Output.json(report) : report.text)
    }
}
