import Foundation

/// The BFGS quasi-Newton minimiser with a backtracking (Armijo) line search, for smooth objectives
/// that return their gradient; with `NumericGradient` it also serves objectives that do not.
///
/// Non-finite values at a trial point make the line search step back, so an objective may refuse
/// points outside its domain by returning +∞.
struct BFGS {
    /// Stop when every gradient component is at most this in absolute value.
    var gradientTolerance = 1e-9
    var maxIterations = 500

    func minimize(_ f: ([Double]) -> (value: Double, gradient: [Double]), from start: [Double]) -> OptimizationResult {
        let n = start.count
        var x = start
        var (fx, g) = f(x)
        var evaluations = 1
        guard fx.isFinite else {
            return OptimizationResult(point: x, value: fx, evaluations: 1, iterations: 0, converged: false)
        }
        var h = identity(n)
        var stalls = 0
        for iteration in 1...maxIterations {
            if g.allSatisfy({ abs($0) <= gradientTolerance }) {
                return OptimizationResult(
                    point: x, value: fx, evaluations: evaluations, iterations: iteration, converged: true)
            }
            var direction = (0..<n).map { i in -(0..<n).reduce(0) { $0 + h[i][$1] * g[$1] } }
            var slope = zip(direction, g).reduce(0) { $0 + $1.0 * $1.1 }
            if !(slope < 0) {  // lost descent: reset to steepest descent
                h = identity(n)
                direction = g.map { -$0 }
                slope = -g.reduce(0) { $0 + $1 * $1 }
            }
            var step = 1.0
            var accepted: (x: [Double], f: Double, g: [Double])?
            for _ in 0..<60 {
                let trial = (0..<n).map { x[$0] + step * direction[$0] }
                let (ft, gt) = f(trial)
                evaluations += 1
                if ft.isFinite && ft <= fx + 1e-4 * step * slope && gt.allSatisfy(\.isFinite) {
                    accepted = (trial, ft, gt)
                    break
                }
                step *= 0.5
            }
            guard let (xNew, fNew, gNew) = accepted else {
                return OptimizationResult(
                    point: x, value: fx, evaluations: evaluations, iterations: iteration, converged: false)
            }
            let s = (0..<n).map { xNew[$0] - x[$0] }
            let y = (0..<n).map { gNew[$0] - g[$0] }
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
            if sy > 1e-16 {
                if iteration == 1 {  // scale the first guess of the inverse Hessian (Nocedal & Wright 6.20)
                    let scale = sy / y.reduce(0) { $0 + $1 * $1 }
                    h = identity(n).map { $0.map { $0 * scale } }
                }
                update(&h, s: s, y: y, sy: sy)
            }
            stalls = fx - fNew <= 1e-15 * max(1, abs(fx)) ? stalls + 1 : 0
            (x, fx, g) = (xNew, fNew, gNew)
            if stalls >= 3 {
                return OptimizationResult(
                    point: x, value: fx, evaluations: evaluations, iterations: iteration, converged: true)
            }
        }
        return OptimizationResult(
            point: x, value: fx, evaluations: evaluations, iterations: maxIterations, converged: false)
    }

    /// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / yᵀs.
    private func update(_ h: inout [[Double]], s: [Double], y: [Double], sy: Double) {
        let n = s.count
        let rho = 1 / sy
        let hy = (0..<n).map { i in (0..<n).reduce(0) { $0 + h[i][$1] * y[$1] } }
        let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
        for i in 0..<n {
            for j in 0..<n {
                h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
            }
        }
    }

    private func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { i in (0..<n).map { i == $0 ? 1.0 : 0.0 } }
    }
}

/// Central-difference gradients for objectives without an analytic one.
enum NumericGradient {
    static func wrap(_ f: @escaping ([Double]) -> Double, step: Double = 1e-6) -> ([Double]) -> (
        value: Double, gradient: [Double]
    ) {
        { x in
            let value = f(x)
            let gradient = x.indices.map { i -> Double in
                var up = x
                var down = x
                up[i] += step
                down[i] -= step
                return (f(up) - f(down)) / (2 * step)
            }
            return (value, gradient)
        }
    }
}
