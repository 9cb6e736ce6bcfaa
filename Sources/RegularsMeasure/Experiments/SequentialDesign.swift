import Foundation

/// Design-time settings of the always-valid test, fixed before the first unit is assigned.
///
/// ## Choice of τ² (the mixing variance)
/// τ is set to the smallest effect worth detecting, on the scale being tested: τ² = log(1 + δ)² for relative
/// lifts (tested on the log ratio) and τ² = (baseline × δ)² for absolute differences, with δ the minimum
/// relative lift (default 10 %). Why: at a given V the half-width is smallest for τ² ≈ 8·V (α = 0.05) and is
/// within 2 % of that optimum anywhere in 4·V … 20·V. An effect of size δ becomes detectable at 50–80 % power
/// when V ≈ δ²/9 … δ²/15, so τ = δ puts the boundary's sweet spot exactly where the effects we care about get
/// decided; bigger effects are still caught (earlier), smaller ones take longer, as they should.
/// τ² must not be derived from the observed difference (that would void the guarantee), and the baseline for
/// the absolute scale should come from pre-experiment traffic, not from arm A as it accrues.
public struct SequentialDesign: Sendable, Hashable, Codable {
    /// Probability of ever declaring a difference when there is none, over all looks combined.
    public var alpha: Double
    /// The smallest relative lift worth detecting, e.g. 0.10 for 10 %; also sets τ.
    public var minimumRelativeLift: Double

    public init(alpha: Double = 0.05, minimumRelativeLift: Double = 0.10) {
        self.alpha = alpha
        self.minimumRelativeLift = minimumRelativeLift
    }

    /// τ² for tests on log(B / A).
    public var relativeMixingVariance: Double {
        let logLift = log1p(abs(minimumRelativeLift))
        return logLift * logLift
    }

    /// τ² for tests on B − A, given the metric's pre-experiment baseline mean.
    public func absoluteMixingVariance(baselineMean: Double) -> Double {
        let effect = baselineMean * minimumRelativeLift
        return effect * effect
    }
}
