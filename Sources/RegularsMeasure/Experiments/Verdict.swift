import Foundation

/// A plain-words reading of a sequential result, written for a shop owner rather than a statistician.
///
/// Examples: "B is ahead by 8% (−2% to +19%); not conclusive yet; at this traffic about 5 more weeks." /
/// "B is behind by 12% (−20% to −4%); conclusive." The interval quoted is the always-valid one, so the sentence
/// stays truthful however often it is read.
public struct Verdict: Sendable, Hashable, Codable {
    public var code: VerdictCode
    public var sentence: String
    /// Projected weeks to a conclusive result (0 when conclusive, nil when unknown).
    public var remainingWeeks: Double?

    public init(code: VerdictCode, sentence: String, remainingWeeks: Double?) {
        self.code = code
        self.sentence = sentence
        self.remainingWeeks = remainingWeeks
    }

    /// Reads a result, usually `SequentialTest.relative`.
    ///
    /// - Parameters:
    ///   - result: nil (the test could not be computed yet) reads as `.notEnoughData`.
    ///   - unitsPerWeek: current weekly units in A and B together, for the "more weeks" projection.
    ///   - targetLift: the smallest lift worth detecting (the design's δ, on the result's scale). The projection
    ///     is for the observed effect when it is at least half of this, and for a lift of this size otherwise:
    ///     projecting a near-zero (and very noisy) difference would promise decades.
    ///   - arm, control: the names the sentence uses for the two arms.
    public init(
        result: SequentialResult?, unitsPerWeek: Double, targetLift: Double, arm: String = "B", control: String = "A"
    ) {
        guard let result, result.estimate.isFinite, result.low.isFinite, result.high.isFinite else {
            self.init(
                code: .notEnoughData, sentence: "Not enough data yet to compare \(arm) with \(control).",
                remainingWeeks: nil)
            return
        }
        let relative = result.scale == .relative
        let format = { (value: Double) -> String in relative ? Verdict.percent(value) : Verdict.number(value) }
        let range = "(\(Self.signed(result.low, format)) to \(Self.signed(result.high, format)))"
        let size = format(abs(result.estimate))
        switch result.winner {
        case .b:
            self.init(
                code: .aheadConclusive, sentence: "\(arm) is ahead by \(size) \(range); conclusive.",
                remainingWeeks: 0)
        case .a:
            self.init(
                code: .behindConclusive, sentence: "\(arm) is behind by \(size) \(range); conclusive.",
                remainingWeeks: 0)
        case .neither:
            // Below 1 % an inconclusive estimate is indistinguishable from noise for a shop owner.
            let negligible = abs(result.estimate) < (relative ? 0.01 : 0) || Self.isZero(size)
            let observedIsSmall = abs(result.estimate) < 0.5 * abs(targetLift) || negligible
            let projected = observedIsSmall ? abs(targetLift) : nil
            let weeks = ExperimentPlanner.remainingWeeks(for: result, unitsPerWeek: unitsPerWeek, effect: projected)
            let head: String
            if negligible {
                head = "No difference detected yet \(range)"
            } else {
                let direction = result.estimate > 0 ? "ahead" : "behind"
                head = "\(arm) is \(direction) by \(size) \(range); not conclusive yet"
            }
            let tail = weeks.map {
                Self.projection(weeks: $0, target: observedIsSmall ? format(abs(targetLift)) : nil, arm: arm)
            }
            self.init(code: .inconclusive, sentence: head + (tail ?? "") + ".", remainingWeeks: weeks)
        }
    }

    private static func projection(weeks: Double, target: String?, arm: String) -> String {
        let when: String
        if weeks > 52 {
            when = "more than a year"
        } else if weeks < 1 {
            when = "less than a week"
        } else {
            let whole = Int(weeks.rounded())
            when = whole == 1 ? "about 1 more week" : "about \(whole) more weeks"
        }
        if let target {
            return "; if \(arm) were \(target) better, at this traffic that would show in \(when)"
        }
        return "; at this traffic \(when)"
    }

    private static func isZero(_ text: String) -> Bool { text == "0%" || text == "0" }

    /// "8%" for ≥ 1 %, "0.4%" below, with a true minus sign added by `signed`.
    static func percent(_ value: Double) -> String {
        let percent = abs(value) * 100
        let rounded = percent >= 1 ? percent.rounded() : (percent * 10).rounded() / 10
        if rounded == 0 { return "0%" }
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return text + "%"
    }

    /// Absolute differences (e.g. revenue per unit) to two decimals.
    static func number(_ value: Double) -> String {
        let rounded = (abs(value) * 100).rounded() / 100
        if rounded == 0 { return "0" }
        let cents = Int((rounded * 100).rounded())
        let fraction = cents % 100
        return "\(cents / 100)." + (fraction < 10 ? "0\(fraction)" : "\(fraction)")
    }

    private static func signed(_ value: Double, _ format: (Double) -> String) -> String {
        let magnitude = format(value)
        if isZero(magnitude) { return magnitude }
        return (value < 0 ? "\u{2212}" : "+") + magnitude
    }
}
