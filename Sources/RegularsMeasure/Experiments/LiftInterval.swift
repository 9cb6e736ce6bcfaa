/// A fixed-horizon confidence interval for how B compares with A on one metric.
///
/// Valid only when looked at once, at a sample size fixed in advance; for daily monitoring use
/// `SequentialTest`, whose intervals stay valid however often they are checked.
/// The relative lift is optional on purpose: when A's mean is 0 (no conversions yet, or no revenue) B / A − 1
/// is undefined, and reporting "unknown" is more honest than reporting ∞ or NaN.
public struct LiftInterval: Sendable, Hashable, Codable {
    public var metric: Metric
    public var confidence: Double
    /// B − A in the metric's own units.
    public var absolute: IntervalEstimate
    /// B / A − 1; nil when it cannot be estimated (A or B mean is 0, or no variance to speak of).
    public var relative: IntervalEstimate?

    public init(metric: Metric, confidence: Double, absolute: IntervalEstimate, relative: IntervalEstimate?) {
        self.metric = metric
        self.confidence = confidence
        self.absolute = absolute
        self.relative = relative
    }

    /// Relative lift B / A − 1, nil when unknown.
    public var estimate: Double? { relative?.estimate }
    /// Lower end of the relative-lift interval, nil when unknown.
    public var low: Double? { relative?.low }
    /// Upper end of the relative-lift interval, nil when unknown.
    public var high: Double? { relative?.high }
    /// B − A.
    public var absoluteDifference: Double { absolute.estimate }
    public var absoluteLow: Double { absolute.low }
    public var absoluteHigh: Double { absolute.high }
}
