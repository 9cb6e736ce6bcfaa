/// Where a minimiser stopped, with what it cost.
struct OptimizationResult: Sendable {
    var point: [Double]
    var value: Double
    var evaluations: Int
    var iterations: Int
    /// The stopping test was met (not merely the budget spent).
    var converged: Bool
}
