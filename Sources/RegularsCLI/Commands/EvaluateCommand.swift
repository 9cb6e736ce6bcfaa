import ArgumentParser
import Foundation
import RegularsData
import RegularsMeasure
import RegularsRecommend

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "The offline benchmark (../shared/bench/PROTOCOL.md) on an orders file: train before the cutoff, score the last 30 days.",
        discussion: """
            Reads the file directly (same reader as `import`), trains on the lines before T_max − 30 days, predicts 20 \
            products per test customer and prints the table `score.py score` prints, for both tracks. With --out p.csv \
            it writes the `all` lists to p.csv and the `new` lists (never what the customer already owns) to p-new.csv.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "An orders file in the generic format (.csv or .csv.gz).")
    var file: String
    @Option(help: "Write the predictions file(s) here.")
    var out: String?
    @Option(help: "Evaluate one model: \(RecommenderKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: String = RecommenderKind.ranker.rawValue
    @Flag(help: "Apply the protocol to the training lines only (cutoff − 30 days): the split settings are tuned on.")
    var validation = false

    func run() throws {
        guard let kind = RecommenderKind(rawValue: model) else {
            throw ValidationError("unknown model '\(model)'; expected one of \(RecommenderKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("\(file): no such file") }
        let bar = ProgressBar(label: "reading \(URL(fileURLWithPath: file).lastPathComponent)")
        let lines = try OrderLinesFile.read(from: URL(fileURLWithPath: file), displayName: file, progress: { bar.update($0) })
        guard !lines.isEmpty else { throw ValidationError("\(file): no order lines") }
        let (report, predictions) = OfflineEvaluation.evaluate(lines: lines, model: kind, validation: validation)
        var written: [Track: URL] = [:]
        if let out { written = try PredictionsFile.write(predictions, to: URL(fileURLWithPath: out)) }
        if global.json {
            print(try Output.json(report))
        } else {
            print(report.text)
            for track in Track.allCases {
                if let url = written[track] {
                    print("track \(track.rawValue): \(url.path)  (python3 ../shared/bench/score.py score \(file) \(url.path) --track \(track.rawValue))")
                }
            }
        }
    }
}

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Does weighting recent orders beat all history for this shop? The benchmark at the store's last 30 days.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("half-life"), help: "Half-lives to compare, e.g. 30d,90d,365d,all.")
    var halfLife = "30d,90d,365d,all"
    @Option(help: "The model to back-test.")
    var model: String = RecommenderKind.ranker.rawValue

    func run() throws {
        guard let kind = RecommenderKind(rawValue: model) else {
            throw ValidationError("unknown model '\(model)'; expected one of \(RecommenderKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let halfLives: [Double?] = try halfLife.split(separator: ",").map { item in
            let text = item.trimmingCharacters(in: .whitespaces).lowercased()
            if text == "all" { return nil }
            guard let days = Double(text.hasSuffix("d") ? String(text.dropLast()) : text), days > 0 else {
                throw ValidationError("--half-life: cannot read '\(item)'; expected days such as 90d, or all")
            }
            return days
        }
        let snapshot = try global.openStore().snapshot(asOf: try global.now())
        guard snapshot.orderCount > 0 else { throw ValidationError("the store has no orders to back-test") }
        let report = Backtest.run(lines: snapshot.builderLines, model: kind, halfLives: halfLives)
        // Kept beside the store for the dashboard.
        try report.save(to: BacktestReport.fileURL(storePath: global.storePath))
        print(global.json ? try Output.json(report) : report.text)
    }
}
