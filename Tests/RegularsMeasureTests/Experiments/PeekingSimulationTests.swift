import Foundation
import RegularsData
import Testing

@testable import RegularsMeasure

/// Why the sequential test exists: a shop that looks every day.
///
/// 200 A/A experiments (no true difference), 60 days × 100 units per arm per day, looked at after every day.
/// A "false positive" is declaring a winner at any of the 60 looks. The always-valid test must stay at or below
/// α = 5 %; the naive fixed-horizon 95 % interval checked daily is shown to be far worse.
struct PeekingSimulationTests {
    static let experiments = 200
    static let days = 60
    static let unitsPerArmPerDay = 100

    @Test func dailyPeekingKeepsFalsePositivesBelowAlpha() {
        let shop = SimulatedShop()
        let design = SequentialDesign(alpha: 0.05, minimumRelativeLift: 0.10)
        let revenueBaseline = shop.revenueMoments.mean
        var sequential = [String: Int](), naive = [String: Int](), naiveFinal = [String: Int]()
        for experiment in 0..<Self.experiments {
            var rng = SeededRandom(seed: 20_000 + UInt64(experiment))
            var a = ArmSummary.empty, b = ArmSummary.empty
            var declared = Set<String>(), naiveDeclared = Set<String>()
            for day in 1...Self.days {
                shop.add(Self.unitsPerArmPerDay, lift: 0, to: &a, using: &rng)
                shop.add(Self.unitsPerArmPerDay, lift: 0, to: &b, using: &rng)
                let looks: [(String, SequentialResult?)] = [
                    ("conversion relative", SequentialTest.relative(.conversion, a: a, b: b, design: design)),
                    ("revenue relative", SequentialTest.relative(.revenuePerUnit, a: a, b: b, design: design)),
                    (
                        "conversion absolute",
                        SequentialTest.absolute(
                            .conversion, a: a, b: b, design: design,
                            baselineMean: shop.conversionRate)
                    ),
                    (
                        "revenue absolute",
                        SequentialTest.absolute(
                            .revenuePerUnit, a: a, b: b, design: design,
                            baselineMean: revenueBaseline)
                    ),
                ]
                for (name, look) in looks where look?.isConclusive == true { declared.insert(name) }
                let fixed: [(String, LiftInterval?)] = [
                    ("conversion", LiftInterval.conversionLift(a: a, b: b)),
                    ("revenue", LiftInterval.revenueLift(a: a, b: b)),
                ]
                for (name, interval) in fixed where interval?.relative?.excludesZero == true {
                    naiveDeclared.insert(name)
                    if day == Self.days { naiveFinal[name, default: 0] += 1 }
                }
            }
            for name in declared { sequential[name, default: 0] += 1 }
            for name in naiveDeclared { naive[name, default: 0] += 1 }
        }
        let n = Double(Self.experiments)
        for name in ["conversion relative", "revenue relative", "conversion absolute", "revenue absolute"] {
            let rate = Double(sequential[name, default: 0]) / n
            print("[simulation] A/A sequential false positives, \(name), 60 daily looks: \(percentString(rate))")
            #expect(rate <= 0.05, "\(name): \(rate)")
        }
        for name in ["conversion", "revenue"] {
            let peeked = Double(naive[name, default: 0]) / n
            let once = Double(naiveFinal[name, default: 0]) / n
            print(
                "[simulation] A/A naive fixed-horizon \(name): peeked daily \(percentString(peeked)), "
                    + "single look at day 60 \(percentString(once))")
            #expect(peeked >= 0.15, "naive peeking should inflate false positives well above 5 %: \(peeked)")
        }
    }
}
