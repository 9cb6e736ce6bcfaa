import Foundation

/// The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and 0 ≤ z < 1, the piece of
/// BG/NBD's conditional expectation (Fader, Hardie & Lee 2005, eq. 10) that needs care.
///
/// Up to z = 0.9 the power series is summed until its remaining tail is provably below 1e-16 of the sum.
/// Nearer 1, where the series crawls, the linear transformation to 1 − z (Abramowitz & Stegun 15.3.6)
/// is used. That transformation has two terms with poles that cancel when c − a − b is an integer;
/// within 1e-3 of one, the series is summed instead (up to a million terms, z ≲ 0.99996), and beyond
/// that the transformation is evaluated at four values of c at least 1e-3 from the pole and
/// interpolated by a cubic (error ~1e-12).
enum Hypergeometric {
    static func f21(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        precondition(z >= 0 && z < 1, "2F1 is evaluated on 0 ≤ z < 1 only")
        if z == 0 { return 1 }
        if z <= 0.9 {
            let (sum, converged) = series(a, b, c, 1, z)
            if converged { return sum }
        }
        let s = c - a - b
        let offset = s - s.rounded()
        if abs(offset) >= 1e-3 { return oneMinusZ(a, b, c, z) }
        let (sum, converged) = series(a, b, c, 1, z, maxTerms: 1_000_000)
        if converged { return sum }
        // Cubic through c0 − 2h, c0 − h, c0 + h, c0 + 2h, where c0 puts c − a − b on the integer.
        let h = 1e-3
        let c0 = c - offset
        let nodes = [-2 * h, -h, h, 2 * h]
        let values = nodes.map { oneMinusZ(a, b, c0 + $0, z) }
        var result = 0.0
        for i in 0..<4 {
            var weight = 1.0
            for j in 0..<4 where j != i { weight *= (offset - nodes[j]) / (nodes[i] - nodes[j]) }
            result += weight * values[i]
        }
        return result
    }

    /// The power series Σ (a)ₙ(b)ₙ / ((c)ₙ(d)ₙ) zⁿ — ₂F₁ when d = 1 — and whether its tail fell below
    /// 1e-16 of the sum.
    ///
    /// Once n exceeds −a, −b, −c and −d every factor is positive, and (n+a)/(n+c) and (n+b)/(n+d) move
    /// monotonically towards 1; so ρ = z · max(1, (n+a)/(n+c)) · max(1, (n+b)/(n+d)) bounds every later
    /// term ratio and the tail is at most |term| ρ / (1 − ρ).
    static func series(
        _ a: Double, _ b: Double, _ c: Double, _ d: Double = 1, _ z: Double, maxTerms: Int = 100_000
    ) -> (sum: Double, converged: Bool) {
        var term = 1.0
        var sum = 1.0
        let positiveFrom = max(-a, -b, -c, -d, 0)
        for n in 0..<maxTerms {
            let k = Double(n)
            term *= (a + k) * (b + k) / ((c + k) * (d + k)) * z
            sum += term
            if term == 0 { return (sum, true) }
            let next = k + 1
            if next > positiveFrom {
                let rho = z * max(1, (next + a) / (next + c)) * max(1, (next + b) / (next + d))
                if rho < 1 && abs(term) * rho / (1 - rho) <= 1e-16 * abs(sum) { return (sum, true) }
            }
        }
        return (sum, false)
    }

    /// A&S 15.3.6: ₂F₁(a,b;c;z) in terms of series in 1 − z; requires c − a − b not an integer.
    static func oneMinusZ(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        let w = 1 - z
        let s = c - a - b
        let gc = SpecialFunctions.signedLogGamma(c)
        var total = 0.0
        // First term: Γ(c)Γ(s) / (Γ(c−a)Γ(c−b)) · F(a, b; 1 − s; w).
        let g1 = SpecialFunctions.signedLogGamma(s)
        let g2 = SpecialFunctions.signedLogGamma(c - a)
        let g3 = SpecialFunctions.signedLogGamma(c - b)
        if g2.sign != 0 && g3.sign != 0 {
            let coefficient = gc.sign * g1.sign * g2.sign * g3.sign * exp(gc.log + g1.log - g2.log - g3.log)
            total += coefficient * series(a, b, 1 - s, 1, w).sum
        }
        // Second term: w^s Γ(c)Γ(−s) / (Γ(a)Γ(b)) · F(c−a, c−b; 1 + s; w).
        let h1 = SpecialFunctions.signedLogGamma(-s)
        let h2 = SpecialFunctions.signedLogGamma(a)
        let h3 = SpecialFunctions.signedLogGamma(b)
        if h2.sign != 0 && h3.sign != 0 {
            let coefficient =
                gc.sign * h1.sign * h2.sign * h3.sign * exp(s * log(w) + gc.log + h1.log - h2.log - h3.log)
            total += coefficient * series(c - a, c - b, 1 + s, 1, w).sum
        }
        return total
    }
}
