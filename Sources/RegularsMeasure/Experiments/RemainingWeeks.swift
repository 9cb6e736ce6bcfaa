import Foundation

extension ExperimentPlanner {
    /// How many more weeks until a running experiment is expected to become conclusive.
    ///
    /// Projects the current look forward: V shrinks in proportion to 1 / units (same split), so the target
    /// V* from `sequentialVariance` translates into a total number of units and, at `unitsPerWeek`, weeks.
    ///
    /// - Parameters:
    ///   - result: the latest look (relative or absolute; `effect` is read on the same scale).
    ///   - unitsPerWeek: units reaching A and B together per week (after any holdout).
    ///   - effect: the effect to project for; nil uses the currently observed estimate. The verdict passes the
    ///     target lift instead when the observed effect is smaller than anything worth detecting.
    ///   - power: 0.5 (the default) gives the median time, which is what "about N more weeks" should mean.
    /// - Returns: 0 when already conclusive; nil when no projection is possible (no traffic, zero effect).
    public static func remainingWeeks(
        for result: SequentialResult, unitsPerWeek: Double, effect: Double? = nil, power: Double = 0.5
    ) -> Double? {
        if result.isConclusive { return 0 }
        guard unitsPerWeek > 0, unitsPerWeek.isFinite, result.units > 0, result.variance > 0 else { return nil }
        let reported = effect ?? result.estimate
        let tested: Double
        switch result.scale {
        case .relative:
            guard reported > -1 else { return nil }
            tested = log1p(reported)
        case .absolute:
            tested = reported
        }
        guard tested != 0, tested.isFinite,
            let target = sequentialVariance(
                effect: tested, mixingVariance: result.mixingVariance,
                alpha: result.alpha, power: power)
        else { return nil }
        let now = Double(result.units)
        let needed = now * result.variance / target
        return max(0, needed - now) / unitsPerWeek
    }
}
