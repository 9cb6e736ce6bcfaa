import Foundation

extension LiftInterval {
    /// Fixed-horizon interval for the conversion rate of B versus A.
    ///
    /// - Absolute difference: Newcombe's hybrid score interval (his method 10), built from the two Wilson
    ///   intervals. Unlike the textbook Wald interval it keeps close to nominal coverage at the low rates
    ///   (1–5 %) and small counts a small shop sees, and it stays inside [−1, 1] with zero conversions.
    /// - Relative lift: delta method on log(p_B / p_A), mapped back with exp. Chosen over Fieller or a
    ///   MOVER-R construction because it is simple, matches what the sequential test and the planner use,
    ///   and is accurate once each arm has a few dozen conversions; it is reported as unknown (nil) when
    ///   either arm has no conversions, where no ratio interval is trustworthy.
    ///
    /// Returns nil when an arm has no units or `confidence` is not in (0, 1).
    public static func conversionLift(a: ArmSummary, b: ArmSummary, confidence: Double = 0.95) -> LiftInterval? {
        guard a.units > 0, b.units > 0, confidence > 0, confidence < 1 else { return nil }
        let z = Normal.twoSidedCritical(confidence: confidence)
        let pA = Double(a.conversions) / Double(a.units)
        let pB = Double(b.conversions) / Double(b.units)
        let wilsonA = wilson(successes: a.conversions, trials: a.units, z: z)
        let wilsonB = wilson(successes: b.conversions, trials: b.units, z: z)
        let difference = pB - pA
        let below = ((pB - wilsonB.low) * (pB - wilsonB.low) + (wilsonA.high - pA) * (wilsonA.high - pA)).squareRoot()
        let above = ((wilsonB.high - pB) * (wilsonB.high - pB) + (pA - wilsonA.low) * (pA - wilsonA.low)).squareRoot()
        let absolute = IntervalEstimate(estimate: difference, low: difference - below, high: difference + above)
        let relative = DeltaMethod.logRatio(.conversion, a: a, b: b).map {
            DeltaMethod.relativeInterval(logRatio: $0.value, halfWidth: z * $0.variance.squareRoot())
        }
        return LiftInterval(metric: .conversion, confidence: confidence, absolute: absolute, relative: relative)
    }

    /// Wilson score interval for a single proportion.
    static func wilson(successes: Int, trials: Int, z: Double) -> (low: Double, high: Double) {
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }
}
