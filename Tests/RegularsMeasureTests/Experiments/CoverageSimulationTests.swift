import Foundation
import RegularsData
import Testing

@testable import RegularsMeasure

/// Do the intervals cover the truth as often as they claim?
///
/// 200 simulated experiments, each 40 days × 100 units per arm per day (4,000 per arm), baseline conversion
/// 5 %, heavy-tailed revenue (log-normal baskets with σ = 1 on top of Bernoulli conversion), and a planted
/// true lift of +10 % on both conversion and revenue per unit. The fixed-horizon 95 % intervals are checked once,
/// at the end; the always-valid sequences must cover the truth at *every* daily look at once, which is the
/// stronger property they promise.
struct CoverageSimulationTests {
    static let experiments = 200
    static let days = 40
    static let unitsPerArmPerDay = 100
    static let trueLift = 0.10

    @Test func intervalsCoverThePlantedLift() {
        let shop = SimulatedShop()
        let design = SequentialDesign(alpha: 0.05, minimumRelativeLift: 0.10)
        var fixedCovered = [Metric: Int](), alwaysCovered = [Metric: Int]()
        for experiment in 0..<Self.experiments {
            var rng = SeededRandom(seed: 10_000 + UInt64(experiment))
            var a = ArmSummary.empty, b = ArmSummary.empty
            var missed = Set<Metric>()
            for _ in 0..<Self.days {
                shop.add(Self.unitsPerArmPerDay, lift: 0, to: &a, using: &rng)
                shop.add(Self.unitsPerArmPerDay, lift: Self.trueLift, to: &b, using: &rng)
                for metric in Metric.allCases {
                    if let look = SequentialTest.relative(metric, a: a, b: b, design: design),
                        !(look.low <= Self.trueLift && Self.trueLift <= look.high)
                    {
                        missed.insert(metric)
                    }
                }
            }
            for metric in Metric.allCases where !missed.contains(metric) { alwaysCovered[metric, default: 0] += 1 }
            if LiftInterval.conversionLift(a: a, b: b)?.relative?.contains(Self.trueLift) == true {
                fixedCovered[.conversion, default: 0] += 1
            }
            if LiftInterval.revenueLift(a: a, b: b)?.relative?.contains(Self.trueLift) == true {
                fixedCovered[.revenuePerUnit, default: 0] += 1
            }
        }
        for metric in Metric.allCases {
            let fixed = Double(fixedCovered[metric, default: 0]) / Double(Self.experiments)
            let always = Double(alwaysCovered[metric, default: 0]) / Double(Self.experiments)
            print(
                "[simulation] coverage \(metric): fixed-horizon \(percentString(fixed)), "
                    + "always-valid at every look \(percentString(always))")
            // The reported interval is the always-valid one (≥ 95 % at every look). The fixed-horizon one is shown
            // for comparison: 200 runs of a true 95 % rate spread with a standard deviation of 1.5 points, so its
            // floor sits 2.6 of them below (2,000 runs gave 95.8 % for conversion, 94.7 % for revenue).
            #expect(fixed >= 0.91, "fixed-horizon coverage for \(metric): \(fixed)")
            #expect(always >= 0.95, "always-valid coverage for \(metric): \(always)")
        }
    }
}
