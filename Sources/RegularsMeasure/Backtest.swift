import Foundation
import RegularsData
import RegularsRecommend

/// "Does weighting the last 90 days beat two years of history for my shop?": the offline protocol at the last
/// 30 days of a shop's own orders, once per recency half-life.
public struct BacktestReport: Sendable, Codable {
    /// One half-life's result; `halfLifeDays == nil` is "all history, every order counts the same".
    public struct Row: Sendable, Codable {
        public var halfLifeDays: Double?
        public var tracks: [TrackMetrics]
        public var trainSeconds: Double

        /// `90d`, or `all`.
        public var label: String { halfLifeDays.map { String(format: "%.0fd", $0) } ?? "all" }
    }

    public var model: String
    public var cutoff: String
    public var rows: [Row]
    /// The half-life with the best NDCG@20 on the `all` track (`nil`: all history).
    public var bestHalfLifeDays: Double?
    public var verdict: String

    /// A table: one line per half-life with Recall@20 and NDCG@20 of both tracks, then the verdict.
    public var text: String {
        var lines = ["model=\(model) cutoff=\(cutoff)", "half-life   all R@20  all N@20  new R@20  new N@20  train s"]
        for row in rows {
            var line = row.label.padding(toLength: 10, withPad: " ", startingAt: 0)
            for track in Track.allCases {
                let m = row.tracks.first { $0.track == track }?[20]
                line += String(format: "%10.4f%10.4f", m?.recall ?? 0, m?.ndcg ?? 0)
            }
            line += String(format: "%9.2f", row.trainSeconds)
            lines.append(line)
        }
        lines.append(verdict)
        return lines.joined(separator: "\n")
    }
}

/// Runs the back-test of `BacktestReport`.
public enum Backtest {
    /// The half-lives compared by default: 30, 90 and 365 days, and all history unweighted.
    public static let defaultHalfLives: [Double?] = [30, 90, 365, nil]

    /// Splits `lines` at their last 30 days and evaluates `model` once per half-life (the recency weight of the
    /// interactions: `CollaborativeRecommender.Settings.halfLifeDays` and EASE's own); other settings as given.
    public static func run(
        lines: [SnapshotBuilder.Line], model: RecommenderKind = .ranker,
        settings: CollaborativeRecommender.Settings = .init(), halfLives: [Double?] = defaultHalfLives
    ) -> BacktestReport {
        let split = HoldoutSplit(lines: lines)
        var rows: [BacktestReport.Row] = []
        for halfLife in halfLives {
            var variant = settings
            variant.halfLifeDays = halfLife
            variant.ease.halfLifeDays = halfLife
            let (report, _) = OfflineEvaluation.evaluate(split: split, model: model, settings: variant)
            rows.append(.init(halfLifeDays: halfLife, tracks: report.tracks, trainSeconds: report.trainSeconds))
        }
        func ndcg(_ row: BacktestReport.Row) -> Double { row.tracks.first { $0.track == .all }?[20]?.ndcg ?? 0 }
        let best = rows.max { ndcg($0) < ndcg($1) }
        let unweighted = rows.first { $0.halfLifeDays == nil }
        var verdict = "no orders to back-test"
        if let best {
            if best.halfLifeDays == nil {
                verdict = String(
                    format: "all history wins on this shop: NDCG@20 %.4f; keep halfLifeDays unset", ndcg(best))
            } else if let unweighted {
                verdict = String(
                    format: "a %@ half-life wins on this shop: NDCG@20 %.4f vs %.4f for all history (%+.1f %%)",
                    best.label, ndcg(best), ndcg(unweighted), 100 * (ndcg(best) / max(ndcg(unweighted), 1e-12) - 1))
            } else {
                verdict = String(format: "a %@ half-life wins on this shop: NDCG@20 %.4f", best.label, ndcg(best))
            }
        }
        return BacktestReport(
            model: model.rawValue, cutoff: OfflineEvaluation.isoString(split.cutoff), rows: rows,
            bestHalfLifeDays: best?.halfLifeDays, verdict: verdict)
    }
}
