import Foundation

/// The always-valid (mixture SPRT) comparison of two arms, safe to evaluate after every day of traffic.
///
/// Each function returns nil when the data cannot support an interval yet (an empty arm, a zero mean on the
/// relative scale, no variance at all), which callers should show as "not enough data" rather than as "no
/// difference".
public enum SequentialTest {
    /// Always-valid interval for the relative lift B / A − 1.
    ///
    /// The confidence sequence runs on θ = log(mean_B / mean_A) with the delta-method variance
    /// (`DeltaMethod.logRatio`) and τ² = `design.relativeMixingVariance`, then is mapped back with exp.
    public static func relative(
        _ metric: Metric, a: ArmSummary, b: ArmSummary, design: SequentialDesign
    ) -> SequentialResult? {
        guard let stat = DeltaMethod.logRatio(metric, a: a, b: b) else { return nil }
        let tau2 = design.relativeMixingVariance
        guard
            let half = ConfidenceSequence.halfWidth(
                variance: stat.variance, mixingVariance: tau2, alpha: design.alpha)
        else { return nil }
        let interval = DeltaMethod.relativeInterval(logRatio: stat.value, halfWidth: half)
        return SequentialResult(
            metric: metric, scale: .relative, estimate: interval.estimate, low: interval.low, high: interval.high,
            statistic: stat.value, variance: stat.variance, mixingVariance: tau2, alpha: design.alpha,
            units: a.units + b.units
        )
    }

    /// Always-valid interval for the absolute difference B − A.
    ///
    /// - Parameter baselineMean: the metric's pre-experiment mean (e.g. last quarter's conversion rate), which
    ///   fixes τ² = (baselineMean × minimumRelativeLift)² before any experiment data is seen.
    public static func absolute(
        _ metric: Metric, a: ArmSummary, b: ArmSummary, design: SequentialDesign, baselineMean: Double
    ) -> SequentialResult? {
        guard let stat = DeltaMethod.difference(metric, a: a, b: b) else { return nil }
        let tau2 = design.absoluteMixingVariance(baselineMean: baselineMean)
        guard
            let half = ConfidenceSequence.halfWidth(
                variance: stat.variance, mixingVariance: tau2, alpha: design.alpha)
        else { return nil }
        return SequentialResult(
            metric: metric, scale: .absolute, estimate: stat.value, low: stat.value - half, high: stat.value + half,
            statistic: stat.value, variance: stat.variance, mixingVariance: tau2, alpha: design.alpha,
            units: a.units + b.units
        )
    }
}
