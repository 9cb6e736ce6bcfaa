import Foundation

/// Log-gamma and digamma with the care the likelihoods and the 2F1 transformation need.
enum SpecialFunctions {
    /// log Γ(x) for x > 0.
    @inline(__always)
    static func logGamma(_ x: Double) -> Double { lgamma(x) }

    /// log |Γ(x)| and the sign of Γ(x) for any real x; the sign is 0 at the poles (0, −1, −2, …),
    /// where 1/Γ(x) = 0.
    static func signedLogGamma(_ x: Double) -> (log: Double, sign: Double) {
        if x > 0 { return (lgamma(x), 1) }
        if x == x.rounded() { return (.infinity, 0) }
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        let sine = sin(Double.pi * x)
        return (log(Double.pi) - log(abs(sine)) - lgamma(1 - x), sine < 0 ? -1 : 1)
    }

    /// ψ(x) = d/dx log Γ(x) for x > 0 (recurrence up to 10, then the asymptotic series; ~1e-15).
    static func digamma(_ x: Double) -> Double {
        guard x > 0 else {
            if x == x.rounded() { return .nan }
            return digamma(1 - x) - Double.pi / tan(Double.pi * x)
        }
        var x = x
        var result = 0.0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        let f = 1 / (x * x)
        let tail = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))))
        return result + log(x) - 0.5 / x - tail
    }

    /// (eᵘ − 1) / u, equal to 1 at u = 0 and accurate near it.
    @inline(__always)
    static func expm1OverX(_ u: Double) -> Double {
        u == 0 ? 1 : expm1(u) / u
    }
}
