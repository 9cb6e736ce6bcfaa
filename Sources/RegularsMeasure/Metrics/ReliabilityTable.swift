import Foundation

/// Predicted against observed: the served picks cut into ten equal-count bins by their predicted probability,
/// each with the mean prediction and the share that was really bought (with a 95 % Wilson interval).
///
/// A calibrated model's bins lie on the diagonal within their intervals: "20 %" means one pick in five is bought.
public struct ReliabilityTable: Sendable, Codable, Hashable {
    public struct Bin: Sendable, Codable, Hashable {
        public var picks: Int
        public var predicted: Double
        public var observed: Double
        public var observedLow: Double
        public var observedHigh: Double

        enum CodingKeys: String, CodingKey {
            case picks, predicted, observed
            case observedLow = "observed_low"
            case observedHigh = "observed_high"
        }
    }

    public var bins: [Bin]
    /// Mean squared error of the predictions against what happened (0 is perfect).
    public var brier: Double
    /// All picks' mean prediction and observed share: the predictions' total against the purchases'.
    public var predicted: Double
    public var observed: Double

    /// The table of `(prediction, bought)` pairs; `nil` without any.
    public init?(_ pairs: [(predicted: Double, bought: Bool)], bins count: Int = 10) {
        guard !pairs.isEmpty else { return nil }
        let sorted = pairs.sorted { $0.predicted < $1.predicted }
        bins = (0..<min(count, sorted.count)).map { k in
            let slice = sorted[(k * sorted.count / count)..<((k + 1) * sorted.count / count)]
            let hits = slice.filter(\.bought).count
            let interval = LiftInterval.wilson(successes: hits, trials: slice.count, z: 1.959_964)
            return Bin(
                picks: slice.count, predicted: slice.map(\.predicted).reduce(0, +) / Double(slice.count),
                observed: Double(hits) / Double(slice.count), observedLow: interval.low, observedHigh: interval.high)
        }.filter { $0.picks > 0 }
        let n = Double(sorted.count)
        brier =
            sorted.map { ($0.predicted - ($0.bought ? 1 : 0)) * ($0.predicted - ($0.bought ? 1 : 0)) }
            .reduce(0, +) / n
        predicted = sorted.map(\.predicted).reduce(0, +) / n
        observed = Double(sorted.filter(\.bought).count) / n
    }
}
