import Foundation
import RegularsData

/// Draws customers from the BG/NBD process itself, to check that a fit recovers what generated them
/// and to benchmark fits on shops of any size.
public struct BGNBDSimulator: Sendable {
    public var parameters: BGNBDModel.Parameters
    var generator: SeededRandom

    public init(_ parameters: BGNBDModel.Parameters, seed: UInt64) {
        self.parameters = parameters
        generator = SeededRandom(seed: seed)
    }

    /// One customer observed for `age` time units after the first purchase; times floored to whole
    /// units, as day-granular shop data are.
    public mutating func customer(age: Double) -> CustomerSummary {
        let lambda = gamma(shape: parameters.r) / parameters.alpha
        let x1 = gamma(shape: parameters.a)
        let p = x1 / (x1 + gamma(shape: parameters.b))
        var time = 0.0
        var x = 0
        var last = 0.0
        while true {
            time += -log(generator.uniform()) / lambda
            if time > age { break }
            x += 1
            last = time
            if generator.uniform() < p { break }
        }
        return CustomerSummary(frequency: x, recency: last.rounded(.down), age: age)
    }

    /// Gamma(shape, 1) by Marsaglia & Tsang, boosted for shape < 1.
    mutating func gamma(shape: Double) -> Double {
        if shape < 1 { return gamma(shape: shape + 1) * pow(generator.uniform(), 1 / shape) }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = generator.uniform()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }

    mutating func normal() -> Double {
        (-2 * log(generator.uniform())).squareRoot() * cos(2 * Double.pi * generator.uniform())
    }
}
