/// The planner's answer for both metrics.
public struct ExperimentPlan: Sendable, Hashable, Codable {
    /// The design the experiment should then be run with (α and τ² from the target lift).
    public var design: SequentialDesign
    public var power: Double
    /// Nil when the conversion plan is impossible (e.g. the lifted rate would exceed 100 %).
    public var conversion: MetricPlan?
    /// Nil when revenue per unit cannot be planned (mean ≤ 0 or no variance given).
    public var revenuePerUnit: MetricPlan?

    public init(design: SequentialDesign, power: Double, conversion: MetricPlan?, revenuePerUnit: MetricPlan?) {
        self.design = design
        self.power = power
        self.conversion = conversion
        self.revenuePerUnit = revenuePerUnit
    }

    /// The metric that becomes conclusive first, i.e. the one to headline; nil when neither can be planned.
    public var soonest: MetricPlan? {
        [conversion, revenuePerUnit].compactMap { $0 }.min { $0.sequentialWeeks < $1.sequentialWeeks }
    }
}
