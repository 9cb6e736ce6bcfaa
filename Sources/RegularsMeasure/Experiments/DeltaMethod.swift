import Foundation

/// Large-sample (delta-method) statistics shared by the fixed-horizon intervals, the sequential test and the
/// planner, so all three agree on what "the relative lift" and "its variance" mean.
public enum DeltaMethod {
    /// B − A and its variance V = s²_A/n_A + s²_B/n_B; nil when either arm cannot supply a variance.
    public static func difference(
        _ metric: Metric, a: ArmSummary, b: ArmSummary
    ) -> (value: Double, variance: Double)? {
        guard a.units > 0, b.units > 0, let meanA = a.mean(of: metric), let meanB = b.mean(of: metric),
            let varA = a.variance(of: metric), let varB = b.variance(of: metric)
        else { return nil }
        return (meanB - meanA, varA / Double(a.units) + varB / Double(b.units))
    }

    /// log(mean_B / mean_A) and its delta-method variance s²_A/(n_A·m_A²) + s²_B/(n_B·m_B²).
    ///
    /// We work on the log ratio rather than on B/A − 1 directly because its sampling distribution is much
    /// closer to normal for skewed metrics (revenue) and small rates (conversion), the variance does not depend
    /// on the estimate itself, and mapping the interval back with exp keeps the lift above −100 %.
    /// Nil when either mean is ≤ 0 (the ratio is undefined) or the variance is 0 (nothing to base an
    /// interval on — e.g. every unit converted in both arms).
    public static func logRatio(
        _ metric: Metric, a: ArmSummary, b: ArmSummary
    ) -> (value: Double, variance: Double)? {
        guard a.units > 0, b.units > 0, let meanA = a.mean(of: metric), let meanB = b.mean(of: metric),
            meanA > 0, meanB > 0, let varA = a.variance(of: metric), let varB = b.variance(of: metric)
        else { return nil }
        let variance = varA / (Double(a.units) * meanA * meanA) + varB / (Double(b.units) * meanB * meanB)
        guard variance > 0, variance.isFinite else { return nil }
        return (log(meanB / meanA), variance)
    }

    /// Maps a log-ratio interval (centre ± half-width) back to relative lifts B / A − 1.
    static func relativeInterval(logRatio: Double, halfWidth: Double) -> IntervalEstimate {
        IntervalEstimate(
            estimate: expm1(logRatio),
            low: expm1(logRatio - halfWidth),
            high: expm1(logRatio + halfWidth)
        )
    }
}
