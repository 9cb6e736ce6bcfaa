/// Lets the delta method, the sequential test and the planner treat both metrics through one interface.
extension ArmSummary {
    /// The arm's sample mean of `metric`.
    public func mean(of metric: Metric) -> Double? {
        switch metric {
        case .conversion: conversionRate
        case .revenuePerUnit: revenuePerUnit
        }
    }

    /// The per-unit variance of `metric`: p(1 − p) for conversion (the Bernoulli variance, which is what the
    /// normal approximation of a proportion uses) and the n − 1 sample variance for revenue.
    public func variance(of metric: Metric) -> Double? {
        switch metric {
        case .conversion: conversionRate.map { $0 * (1 - $0) }
        case .revenuePerUnit: revenueVariance
        }
    }
}
