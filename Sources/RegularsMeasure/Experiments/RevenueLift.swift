import Foundation

extension LiftInterval {
    /// Fixed-horizon Welch interval for revenue per unit of B versus A.
    ///
    /// Welch rather than the pooled t-test because a winning variant usually changes the spread as well as
    /// the mean; the Welch–Satterthwaite degrees of freedom make small arms honest. The relative lift uses the
    /// delta method on log(mean_B / mean_A) with the same t critical value. Pass CUPED-adjusted summaries
    /// (`CUPED.adjust`) to get the variance-reduced version.
    ///
    /// Returns nil when an arm has fewer than two units, when neither arm shows any variation (e.g. all-zero
    /// revenue: there is no basis for an interval), or when `confidence` is not in (0, 1).
    public static func revenueLift(a: ArmSummary, b: ArmSummary, confidence: Double = 0.95) -> LiftInterval? {
        guard confidence > 0, confidence < 1, a.units >= 2, b.units >= 2,
            let meanA = a.revenuePerUnit, let meanB = b.revenuePerUnit,
            let varA = a.revenueVariance, let varB = b.revenueVariance
        else { return nil }
        let vA = varA / Double(a.units)
        let vB = varB / Double(b.units)
        let variance = vA + vB
        guard variance > 0, variance.isFinite else { return nil }
        let df = welchDegreesOfFreedom(vA: vA, nA: a.units, vB: vB, nB: b.units)
        let t = StudentT.twoSidedCritical(confidence: confidence, degreesOfFreedom: df)
        let difference = meanB - meanA
        let half = t * variance.squareRoot()
        let absolute = IntervalEstimate(estimate: difference, low: difference - half, high: difference + half)
        let relative = DeltaMethod.logRatio(.revenuePerUnit, a: a, b: b).map {
            DeltaMethod.relativeInterval(logRatio: $0.value, halfWidth: t * $0.variance.squareRoot())
        }
        return LiftInterval(metric: .revenuePerUnit, confidence: confidence, absolute: absolute, relative: relative)
    }

    /// Welch–Satterthwaite degrees of freedom from the per-arm variances of the mean (s²/n). Meant for arms of
    /// at least two units; smaller counts are treated as two rather than dividing by zero.
    public static func welchDegreesOfFreedom(vA: Double, nA: Int, vB: Double, nB: Int) -> Double {
        let numerator = (vA + vB) * (vA + vB)
        let denominator = vA * vA / Double(max(nA - 1, 1)) + vB * vB / Double(max(nB - 1, 1))
        return denominator > 0 ? numerator / denominator : .infinity
    }
}
