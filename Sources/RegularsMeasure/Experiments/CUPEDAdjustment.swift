/// The result of `CUPED.adjust`: adjusted arms ready for `LiftInterval.revenueLift` or `SequentialTest`.
public struct CUPEDAdjustment: Sendable, Hashable, Codable {
    /// cov(Y, X) / var(X) on the pooled units.
    public var theta: Double
    /// Pooled mean of the pre-period covariate, X̄.
    public var covariateMean: Double
    /// Arm A with revenue replaced by Y' (conversion counts unchanged, covariate sums dropped).
    public var a: ArmSummary
    /// Arm B, adjusted the same way.
    public var b: ArmSummary
    /// 1 − V_adjusted / V_raw for the variance of the difference in revenue per unit: 0.4 means the
    /// experiment needs about 40 % fewer units for the same precision.
    public var varianceReduction: Double

    public init(theta: Double, covariateMean: Double, a: ArmSummary, b: ArmSummary, varianceReduction: Double) {
        self.theta = theta
        self.covariateMean = covariateMean
        self.a = a
        self.b = b
        self.varianceReduction = varianceReduction
    }

    /// The adjusted value Y' = Y − θ(X − X̄) of one unit, for callers that keep per-unit rows.
    public func adjustedRevenue(revenue: Double, preRevenue: Double) -> Double {
        revenue - theta * (preRevenue - covariateMean)
    }
}
