import Foundation

/// Answers "how many weeks will this test take at my traffic?" for the always-valid test the shop will run.
///
/// The relative lift is tested on θ = log(B / A) with τ² = log(1 + δ)² (see `SequentialDesign`). With per-unit
/// log-scale variances c_A and c_B, after t weeks V(t) = c_A / (t·r_A) + c_B / (t·r_B). The planner finds the
/// largest V* at which the expected estimate, less z_power standard errors, still clears the confidence
/// sequence's half-width, θ − z_power·√V* = w(V*), and converts V* to weeks. Because the shop looks daily and
/// may stop at the first crossing, the real chance of being conclusive by then is a little above `power`,
/// so the plan is slightly conservative. Both sides are monotone in V, so bisection is exact.
///
/// Assumptions worth knowing: units arrive at a steady weekly rate, each unit's outcome is observed soon after
/// it enters, and the lift multiplies the mean while keeping revenue's coefficient of variation unchanged.
public enum ExperimentPlanner {
    /// Plans both metrics for a target relative lift (e.g. 0.10).
    ///
    /// - Parameter cupedVarianceReduction: expected `CUPEDAdjustment.varianceReduction` for revenue (0 when
    ///   CUPED will not be used); it shrinks revenue's variance by that fraction.
    /// - Returns: nil when the traffic profile or parameters are unusable (no traffic, lift ≤ −100 %, …).
    public static func plan(
        traffic: TrafficProfile, targetLift: Double, power: Double = 0.8, alpha: Double = 0.05,
        cupedVarianceReduction: Double = 0
    ) -> ExperimentPlan? {
        guard let rates = traffic.armRatesPerWeek, targetLift != 0, targetLift > -1,
            power > 0, power < 1, alpha > 0, alpha < 1,
            cupedVarianceReduction >= 0, cupedVarianceReduction < 1
        else { return nil }
        let design = SequentialDesign(alpha: alpha, minimumRelativeLift: targetLift)
        let p = traffic.baselineConversionRate
        let liftedP = p * (1 + targetLift)
        var conversion: MetricPlan?
        if p > 0, p < 1, liftedP > 0, liftedP < 1 {
            conversion = metricPlan(
                .conversion, perUnitVariance: ((1 - p) / p, (1 - liftedP) / liftedP),
                rates: rates, design: design, power: power)
        }
        var revenue: MetricPlan?
        let mean = traffic.baselineRevenuePerUnit, sd = traffic.revenuePerUnitStandardDeviation
        if mean > 0, sd > 0, mean.isFinite, sd.isFinite {
            let cv2 = (sd / mean) * (sd / mean) * (1 - cupedVarianceReduction)
            revenue = metricPlan(
                .revenuePerUnit, perUnitVariance: (cv2, cv2), rates: rates, design: design,
                power: power)
        }
        return ExperimentPlan(design: design, power: power, conversion: conversion, revenuePerUnit: revenue)
    }

    /// The largest variance V at which an always-valid test of an effect of size `effect` (on the tested
    /// scale) is expected to be conclusive with probability `power`: effect − z_power·√V = w(V).
    public static func sequentialVariance(
        effect: Double, mixingVariance: Double, alpha: Double, power: Double
    ) -> Double? {
        let theta = abs(effect)
        guard theta > 0, theta.isFinite, mixingVariance > 0, power > 0, power < 1 else { return nil }
        let zPower = Normal.quantile(power)
        func clears(_ v: Double) -> Bool {
            guard let w = ConfidenceSequence.halfWidth(variance: v, mixingVariance: mixingVariance, alpha: alpha)
            else { return false }
            return theta - zPower * v.squareRoot() >= w
        }
        // At V = θ² the half-width alone exceeds θ (w ≥ √(−2V·log α) > √V), so the root lies below θ².
        var low = log(theta * theta) - 60, high = log(theta * theta)
        guard clears(exp(low)) else { return nil }
        for _ in 0..<100 {
            let mid = 0.5 * (low + high)
            if clears(exp(mid)) { low = mid } else { high = mid }
        }
        return exp(low)
    }

    /// The variance a single fixed-horizon look needs: (effect / (z_{1−α/2} + z_power))².
    public static func fixedHorizonVariance(effect: Double, alpha: Double, power: Double) -> Double? {
        guard effect != 0, effect.isFinite, alpha > 0, alpha < 1, power > 0, power < 1 else { return nil }
        let z = Normal.quantile(1 - alpha / 2) + Normal.quantile(power)
        return (effect / z) * (effect / z)
    }

    private static func metricPlan(
        _ metric: Metric, perUnitVariance c: (a: Double, b: Double), rates: (a: Double, b: Double),
        design: SequentialDesign, power: Double
    ) -> MetricPlan? {
        let effect = log1p(design.minimumRelativeLift)
        // V(t) = k / t with k the variance after one week.
        let k = c.a / rates.a + c.b / rates.b
        guard k > 0, k.isFinite,
            let sequential = sequentialVariance(
                effect: effect, mixingVariance: design.relativeMixingVariance,
                alpha: design.alpha, power: power),
            let fixed = fixedHorizonVariance(effect: effect, alpha: design.alpha, power: power)
        else { return nil }
        let weeks = k / sequential
        return MetricPlan(
            metric: metric, sequentialWeeks: weeks, fixedHorizonWeeks: k / fixed,
            unitsA: weeks * rates.a, unitsB: weeks * rates.b)
    }
}
