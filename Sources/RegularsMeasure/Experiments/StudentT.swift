import Foundation

/// Student's t distribution, used for Welch intervals where the degrees of freedom are fractional.
public enum StudentT {
    /// The p-quantile of Student's t with `degreesOfFreedom` (fractional values allowed, as Welch needs).
    ///
    /// Hill's 1970 approximation (CACM Algorithm 396) is the starting point; Newton steps against the exact CDF
    /// (regularised incomplete beta; two usually suffice, fractional df below 2 need a few more) take it to
    /// ~1e-12, so small-sample Welch intervals match scipy to the printed digits. Above 1e6 degrees of freedom
    /// the normal quantile is used directly: the difference (≈ 2e-6 at 1e6) is far below anything we report.
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        if p.isNaN || df.isNaN { return .nan }
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        if p == 0.5 { return 0 }
        if df > 1e6 { return Normal.quantile(p) }
        let nu = max(df, 1)
        let upper = min(p, 1 - p)  // one-sided upper-tail probability we solve for
        var t = hill(twoTailed: 2 * upper, nu)
        for _ in 0..<8 {
            let density = self.density(t, nu)
            guard density > 0, density.isFinite else { break }
            let step = (upperTail(t, nu) - upper) / density
            guard step.isFinite else { break }
            t += step
            if abs(step) <= 1e-13 * max(1, abs(t)) { break }
        }
        return p > 0.5 ? t : -t
    }

    /// Two-sided critical value t such that P(|T| ≤ t) = `confidence`.
    public static func twoSidedCritical(confidence: Double, degreesOfFreedom df: Double) -> Double {
        quantile(0.5 + 0.5 * confidence, degreesOfFreedom: df)
    }

    /// F(t), the cumulative distribution function.
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        let tail = upperTail(abs(t), df)
        return t >= 0 ? 1 - tail : tail
    }

    /// P(T > t) for t ≥ 0, i.e. ½·I_x(ν/2, ½) with x = ν / (ν + t²).
    private static func upperTail(_ t: Double, _ nu: Double) -> Double {
        let x = nu / (nu + t * t)
        return 0.5 * regularizedIncompleteBeta(x, nu / 2, 0.5)
    }

    private static func density(_ t: Double, _ nu: Double) -> Double {
        let logNorm = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logNorm - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// Hill (1970): t such that P(|T| > t) = p for ν degrees of freedom.
    private static func hill(twoTailed p: Double, _ n: Double) -> Double {
        if n == 2 { return (2 / (p * (2 - p)) - 2).squareRoot() }
        if n == 1 { let angle = p * Double.pi / 2; return cos(angle) / sin(angle) }
        let a = 1 / (n - 0.5)
        let b = 48 / (a * a)
        var c = ((20700 * a / b - 98) * a - 16) * a + 96.36
        let d = ((94.5 / (b + c) - 3) / b + 1) * (a * Double.pi / 2).squareRoot() * n
        var x = d * p
        var y = pow(x, 2 / n)
        if y > 0.05 + a {
            x = Normal.quantile(0.5 * p)
            y = x * x
            if n < 5 { c += 0.3 * (n - 4.5) * (x + 0.6) }
            c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c
            y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x
            y = a * y * y
            y = y > 0.002 ? exp(y) - 1 : 0.5 * y * y + y
        } else {
            y =
                ((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1)
                * (n + 1) / (n + 2) + 1 / y
        }
        return (n * y).squareRoot()
    }

    /// I_x(a, b) via the Lentz continued fraction (Numerical Recipes §6.4), using the symmetry
    /// I_x(a, b) = 1 − I_{1−x}(b, a) on whichever side converges quickly.
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        let front = exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x, a, b) / a
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b
    }

    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...20_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
