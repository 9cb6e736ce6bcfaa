/// The per-unit metrics an experiment can be judged on.
public enum Metric: String, Sendable, Hashable, Codable, CaseIterable {
    /// Share of units with at least one order (a Bernoulli outcome per unit).
    case conversion
    /// Mean revenue per unit, non-buyers counted as 0, so it folds conversion and basket size together.
    case revenuePerUnit
}
