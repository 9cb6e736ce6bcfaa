import Foundation
import Testing

@testable import RegularsSegments

@Suite("Optimizers")
struct OptimizerTests {
    static func rosenbrock(_ x: [Double]) -> Double {
        (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0])
    }

    static func rosenbrockGradient(_ x: [Double]) -> (value: Double, gradient: [Double]) {
        let inner = x[1] - x[0] * x[0]
        return (rosenbrock(x), [-2 * (1 - x[0]) - 400 * x[0] * inner, 200 * inner])
    }

    @Test("Nelder–Mead finds the Rosenbrock minimum at (1, 1)")
    func nelderMead() {
        let result = NelderMead().minimize(Self.rosenbrock, from: [-1.2, 1])
        #expect(result.converged)
        #expect(abs(result.point[0] - 1) < 1e-5 && abs(result.point[1] - 1) < 1e-5)
    }

    @Test("BFGS finds the Rosenbrock minimum with an analytic and with a numeric gradient")
    func bfgs() {
        let analytic = BFGS().minimize(Self.rosenbrockGradient, from: [-1.2, 1])
        #expect(analytic.converged)
        #expect(abs(analytic.point[0] - 1) < 1e-7 && abs(analytic.point[1] - 1) < 1e-7)
        let numeric = BFGS(gradientTolerance: 1e-7).minimize(NumericGradient.wrap(Self.rosenbrock), from: [-1.2, 1])
        #expect(abs(numeric.point[0] - 1) < 1e-5 && abs(numeric.point[1] - 1) < 1e-5)
    }

    @Test("both step back from points where the objective refuses to be evaluated")
    func fencedDomain() {
        // Minimum of (x − 3)² + log-barrier-free fence: values left of 2 are +∞.
        let f = { (x: [Double]) -> Double in x[0] < 2 ? .infinity : (x[0] - 3) * (x[0] - 3) }
        let simplex = NelderMead().minimize(f, from: [2.5])
        #expect(abs(simplex.point[0] - 3) < 1e-6)
        let quasiNewton = BFGS().minimize({ x in (f(x), [2 * (x[0] - 3)]) }, from: [6])
        #expect(abs(quasiNewton.point[0] - 3) < 1e-8)
    }
}
