/// Deterministic, stateless assignment of units to experiment arms.
///
/// Nothing is stored: any process can recompute a unit's arm from the experiment and unit IDs, and gets the
/// same answer after restarts and on other machines (see `StableHash`).
///
/// Three independent hashes are used, each with its own input so they do not correlate:
/// - the permanent holdout: "permanent-holdout\0<salt>\0<unit>"
/// - the experiment's own holdout (enrolment): "<experiment>\0<unit>\0holdout"
/// - the arm: "<experiment>\0<unit>"
/// Keeping enrolment and arm separate means raising or lowering `holdoutPercent` mid-test only moves units in
/// or out of the experiment; it never moves an enrolled unit from A to B.
public enum ExperimentAssignment {
    /// The arm `unit` sees in `experiment`, or nil when the unit is not enrolled.
    ///
    /// nil means one of: the unit falls in this experiment's holdout (`holdoutPercent`, 0–100), or `arms` has no
    /// positive weight. Callers should then show the default experience and leave the unit out of the analysis.
    /// The shop-wide permanent holdout is deliberately not checked here: check `isInPermanentHoldout` first,
    /// so that one switch governs every experiment.
    ///
    /// - Parameter arms: names with relative weights (they need not sum to 1; negative weights count as 0).
    public static func arm(
        experiment: String, unit: String, arms: [(name: String, weight: Double)], holdoutPercent: Double
    ) -> String? {
        let weights = arms.map { $0.weight.isFinite && $0.weight > 0 ? $0.weight : 0 }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        let holdout = min(max(holdoutPercent.isNaN ? 0 : holdoutPercent, 0), 100) / 100
        if holdout > 0, StableHash.unitInterval(experiment + "\u{0}" + unit + "\u{0}holdout") < holdout {
            return nil
        }
        let point = StableHash.unitInterval(experiment + "\u{0}" + unit) * total
        var cumulative = 0.0
        for (index, weight) in weights.enumerated() where weight > 0 {
            cumulative += weight
            if point < cumulative { return arms[index].name }
        }
        // Floating-point rounding can leave `point` a hair above the final cumulative sum.
        return weights.lastIndex { $0 > 0 }.map { arms[$0].name }
    }

    /// Whether `unit` belongs to the shop-wide permanent holdout, which sees no personalisation at all and
    /// measures the engine's total effect over months.
    ///
    /// Independent of every experiment's arms and holdouts (separate hash input). Changing `salt` reshuffles the
    /// holdout, so keep it fixed for the life of the shop; raising `percent` only adds units to it.
    public static func isInPermanentHoldout(
        unit: String, percent: Double, salt: String = "regulars.permanent-holdout"
    ) -> Bool {
        guard percent > 0 else { return false }
        return StableHash.unitInterval("permanent-holdout\u{0}" + salt + "\u{0}" + unit) < min(percent, 100) / 100
    }
}
