import Foundation

/// The standard normal distribution, which every interval in this module ultimately leans on.
///
/// Both functions are pure and allocation-free so they can be called in tight simulation loops.
public enum Normal {
    /// Φ(x), the standard normal cumulative distribution function.
    ///
    /// Written through `erfc` rather than `erf` so the lower tail keeps full relative precision
    /// (`1 + erf(x)` would cancel catastrophically for x ≪ 0).
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// φ(x), the standard normal density; needed by the quantile refinement and by the t refinement.
    public static func density(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2.0 * Double.pi).squareRoot()
    }

    /// Φ⁻¹(p), the standard normal quantile.
    ///
    /// Acklam's rational approximation (relative error ≈ 1.15e-9) followed by one Halley step against the
    /// `erfc`-based CDF, which brings it to about machine precision. Returns ∓∞ at p = 0 and p = 1 so
    /// callers never see a trap; NaN in gives NaN out.
    public static func quantile(_ p: Double) -> Double {
        if p.isNaN { return .nan }
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let x = acklam(p)
        // Halley refinement: e is the CDF error, u the Newton step; the extra factor corrects for curvature.
        let e = cdf(x) - p
        let u = e * (2.0 * Double.pi).squareRoot() * exp(0.5 * x * x)
        guard u.isFinite else { return x }  // only in the extreme tails (|x| > 37), where Acklam alone is fine
        return x - u / (1 + 0.5 * x * u)
    }

    /// Two-sided critical value z such that P(|Z| ≤ z) = `confidence`.
    public static func twoSidedCritical(confidence: Double) -> Double {
        quantile(0.5 + 0.5 * confidence)
    }

    private static let a: [Double] = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    private static let b: [Double] = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01,
    ]
    private static let c: [Double] = [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ]
    private static let d: [Double] = [
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00,
    ]

    /// Acklam's three-region rational approximation (central region plus symmetric tails).
    private static func acklam(_ p: Double) -> Double {
        let pLow = 0.02425
        if p < pLow {
            let q = (-2 * log(p)).squareRoot()
            return tail(q)
        }
        if p > 1 - pLow {
            let q = (-2 * log1p(-p)).squareRoot()
            return -tail(q)
        }
        let q = p - 0.5
        let r = q * q
        let num = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        let den = ((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1
        return num / den
    }

    private static func tail(_ q: Double) -> Double {
        let num = ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]
        let den = (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
        return num / den
    }
}
