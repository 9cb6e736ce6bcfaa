import Foundation

/// Tanh-sinh (double exponential) quadrature on (0, 1): exact-looking results for integrands with
/// integrable end-point singularities, an independent way to check closed forms.
enum TanhSinh {
    static func integrate(_ f: (Double) -> Double, step h: Double = 1.0 / 64, range: Double = 4) -> Double {
        var sum = 0.0
        var k = -range
        while k <= range {
            let sinh = Foundation.sinh(k)
            let u = Double.pi / 2 * sinh
            let x = 1 / (1 + exp(-2 * u))  // (1 + tanh u) / 2, accurate near 0
            let weight = 0.5 * Double.pi / 2 * cosh(k) / (cosh(u) * cosh(u))
            if x > 0 && x < 1 { sum += weight * f(x) }
            k += h
        }
        return sum * h
    }
}
