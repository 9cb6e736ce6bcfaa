/// How long one metric needs to reach a conclusive result.
public struct MetricPlan: Sendable, Hashable, Codable {
    public var metric: Metric
    /// Weeks until the always-valid test is conclusive with the requested power (fractional; round up to
    /// show). This is what the shop should expect, since it will look every day.
    public var sequentialWeeks: Double
    /// Weeks a classic fixed-horizon test would need if looked at only once, for comparison: the price of
    /// being allowed to peek is the gap between the two.
    public var fixedHorizonWeeks: Double
    /// Units in A and in B at `sequentialWeeks`.
    public var unitsA: Double
    public var unitsB: Double

    public init(metric: Metric, sequentialWeeks: Double, fixedHorizonWeeks: Double, unitsA: Double, unitsB: Double) {
        self.metric = metric
        self.sequentialWeeks = sequentialWeeks
        self.fixedHorizonWeeks = fixedHorizonWeeks
        self.unitsA = unitsA
        self.unitsB = unitsB
    }
}
