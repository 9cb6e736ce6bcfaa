import Foundation
import RegularsData

@testable import RegularsMeasure

/// Random draws for the simulations, all from the seeded `SeededRandom` (SplitMix64) so every run is identical.
extension SeededRandom {
    mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Box–Muller; one of the pair is discarded to keep the generator state simple.
    mutating func standardNormal() -> Double {
        let u1 = uniform()  // (0, 1), so log is finite
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

/// A toy shop: each unit converts with some probability and, if it does, spends one log-normal order value.
/// Log-normal baskets make revenue per unit heavy-tailed and zero-inflated, like a real small retailer.
struct SimulatedShop {
    var conversionRate = 0.05
    /// Parameters of log(order value); σ = 1 gives a long right tail (mean/median ≈ 1.65).
    var logOrderMean = log(40.0) - 0.5
    var logOrderSD = 1.0

    func unit(lift: Double, using rng: inout SeededRandom) -> UnitOutcome {
        let converted = rng.bernoulli(conversionRate * (1 + lift))
        let revenue = converted ? exp(logOrderMean + logOrderSD * rng.standardNormal()) : 0
        return UnitOutcome(revenue: revenue, converted: converted)
    }

    /// Adds `count` units with true relative lift `lift` (on both conversion and revenue per unit).
    func add(_ count: Int, lift: Double, to arm: inout ArmSummary, using rng: inout SeededRandom) {
        for _ in 0..<count { arm.add(unit(lift: lift, using: &rng)) }
    }

    /// Exact mean and standard deviation of revenue per unit in the control arm, for the planner.
    var revenueMoments: (mean: Double, sd: Double) {
        let p = conversionRate
        let m1 = exp(logOrderMean + logOrderSD * logOrderSD / 2)
        let m2 = exp(2 * logOrderMean + 2 * logOrderSD * logOrderSD)
        return (p * m1, (p * m2 - p * p * m1 * m1).squareRoot())
    }
}

func percentString(_ fraction: Double) -> String {
    String(format: "%.1f%%", fraction * 100)
}
