import Foundation

/// The Nelder–Mead downhill simplex minimiser (Lagarias et al. 1998 coefficients), derivative-free.
///
/// Infinite or NaN values count as +∞, so an objective can refuse points outside its domain. After
/// converging it restarts once from the best vertex with a fresh simplex, the usual guard against a
/// simplex that collapsed early.
struct NelderMead {
    var initialStep = 0.5
    /// Stop when the simplex's values differ by at most this (absolute) and its width by `pointTolerance`.
    var valueTolerance = 1e-12
    var pointTolerance = 1e-9
    var maxEvaluations = 20_000

    func minimize(_ f: ([Double]) -> Double, from start: [Double]) -> OptimizationResult {
        var first = run(f, from: start, evaluationsSoFar: 0)
        let second = run(f, from: first.point, evaluationsSoFar: first.evaluations)
        first.converged = second.converged
        if second.value <= first.value { first.point = second.point; first.value = second.value }
        first.evaluations = second.evaluations
        first.iterations += second.iterations
        return first
    }

    private func run(_ f: ([Double]) -> Double, from start: [Double], evaluationsSoFar: Int) -> OptimizationResult {
        let n = start.count
        var evaluations = evaluationsSoFar
        func value(_ x: [Double]) -> Double {
            evaluations += 1
            let v = f(x)
            return v.isNaN ? .infinity : v
        }
        var simplex = [start]
        for i in 0..<n {
            var vertex = start
            vertex[i] += initialStep
            simplex.append(vertex)
        }
        var values = simplex.map(value)
        var iterations = 0
        while evaluations < maxEvaluations {
            iterations += 1
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = values[n] - values[0]
            var width = 0.0
            for vertex in simplex.dropFirst() {
                for i in 0..<n { width = max(width, abs(vertex[i] - simplex[0][i])) }
            }
            if spread <= valueTolerance && width <= pointTolerance {
                return OptimizationResult(
                    point: simplex[0], value: values[0], evaluations: evaluations, iterations: iterations,
                    converged: true)
            }
            var centroid = [Double](repeating: 0, count: n)
            for vertex in simplex.dropLast() {
                for i in 0..<n { centroid[i] += vertex[i] / Double(n) }
            }
            func toward(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
            let reflected = toward(-1)
            let fr = value(reflected)
            if fr < values[0] {
                let expanded = toward(-2)
                let fe = value(expanded)
                (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[n - 1] {
                (simplex[n], values[n]) = (reflected, fr)
            } else {
                let outside = fr < values[n]
                let contracted = toward(outside ? -0.5 : 0.5)
                let fc = value(contracted)
                if fc < (outside ? fr : values[n]) {
                    (simplex[n], values[n]) = (contracted, fc)
                } else {
                    for j in 1...n {
                        simplex[j] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[j][$0] - simplex[0][$0]) }
                        values[j] = value(simplex[j])
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return OptimizationResult(
            point: simplex[best], value: values[best], evaluations: evaluations, iterations: iterations,
            converged: false)
    }
}
