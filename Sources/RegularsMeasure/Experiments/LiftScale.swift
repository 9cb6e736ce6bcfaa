/// Whether a difference is reported in the metric's own units or as a lift relative to A.
public enum LiftScale: String, Sendable, Hashable, Codable {
    /// B − A, e.g. +0.4 percentage points or +€0.80 per unit.
    case absolute
    /// B / A − 1, e.g. +8 %. Intervals are built on log(B / A) and mapped back, so they are asymmetric.
    case relative
}
