import Foundation

/// The normal-mixture confidence sequence behind the always-valid test.
///
/// For an asymptotically normal estimate θ̂ with variance V, mixing the likelihood ratio over θ ~ N(0, τ²)
/// gives a nonnegative martingale under the null (Robbins' normal mixture; the mSPRT of Johari, Pekelis & Walsh
/// 2017, "Always valid inference"; Howard et al. 2021). Ville's inequality then makes
///
///     θ̂ ± sqrt( V(V + τ²)/τ² · ( log((V + τ²)/V) − 2 log α ) )
///
/// cover the true θ at *every* look simultaneously with probability ≥ 1 − α. That is what lets a shop open
/// the dashboard every morning without turning a 5 % false-positive rate into 30 %. V is the plug-in estimate
/// from the data so far; the guarantee is then asymptotic (Waudby-Smith et al. 2021), which the peeking
/// simulation in the tests checks at small-shop sample sizes.
public enum ConfidenceSequence {
    /// The half-width of the always-valid (1 − α) interval, or nil when it is undefined (V ≤ 0, τ² ≤ 0,
    /// α outside (0, 1), or non-finite inputs).
    public static func halfWidth(variance: Double, mixingVariance: Double, alpha: Double) -> Double? {
        guard variance > 0, mixingVariance > 0, variance.isFinite, mixingVariance.isFinite,
            alpha > 0, alpha < 1
        else { return nil }
        let v = variance, tau2 = mixingVariance
        let width2 = v * (v + tau2) / tau2 * (log1p(tau2 / v) - 2 * log(alpha))
        guard width2.isFinite, width2 >= 0 else { return nil }
        return width2.squareRoot()
    }
}
