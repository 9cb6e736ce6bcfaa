/// A point estimate with its interval, on one scale (absolute difference or relative lift).
public struct IntervalEstimate: Sendable, Hashable, Codable {
    public var estimate: Double
    public var low: Double
    public var high: Double

    public init(estimate: Double, low: Double, high: Double) {
        self.estimate = estimate
        self.low = low
        self.high = high
    }

    /// Whether `value` lies inside the closed interval.
    public func contains(_ value: Double) -> Bool { low <= value && value <= high }

    /// Whether the interval rules out "no difference" (0 is the null on both the absolute and relative scale).
    public var excludesZero: Bool { low > 0 || high < 0 }
}
