/// One look at an experiment through the always-valid confidence sequence.
public struct SequentialResult: Sendable, Hashable, Codable {
    public var metric: Metric
    public var scale: LiftScale
    /// B − A (absolute) or B / A − 1 (relative).
    public var estimate: Double
    /// Lower end of the always-valid (1 − α) interval on the same scale as `estimate`.
    public var low: Double
    /// Upper end of the always-valid (1 − α) interval.
    public var high: Double
    /// The statistic actually tested: B − A, or log(B / A) on the relative scale.
    public var statistic: Double
    /// Its estimated variance V at this look.
    public var variance: Double
    /// τ², as chosen by the `SequentialDesign`.
    public var mixingVariance: Double
    public var alpha: Double
    /// Units in A and B combined at this look, so later looks can be projected from traffic.
    public var units: Int

    public init(
        metric: Metric, scale: LiftScale, estimate: Double, low: Double, high: Double,
        statistic: Double, variance: Double, mixingVariance: Double, alpha: Double, units: Int
    ) {
        self.metric = metric
        self.scale = scale
        self.estimate = estimate
        self.low = low
        self.high = high
        self.statistic = statistic
        self.variance = variance
        self.mixingVariance = mixingVariance
        self.alpha = alpha
        self.units = units
    }

    /// The interval excludes "no difference": the mSPRT has rejected the null at this look, and may stop.
    public var isConclusive: Bool { low > 0 || high < 0 }

    /// B when the whole interval is above 0, A when it is below, otherwise neither.
    public var winner: Winner {
        if low > 0 { return .b }
        if high < 0 { return .a }
        return .neither
    }
}
