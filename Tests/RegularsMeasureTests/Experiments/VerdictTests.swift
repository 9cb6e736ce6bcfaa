import Foundation
import Testing

@testable import RegularsMeasure

struct VerdictTests {
    /// A relative result with the given interval and a V that makes the projection deterministic.
    static func result(_ estimate: Double, _ low: Double, _ high: Double, variance: Double = 0.01) -> SequentialResult {
        SequentialResult(
            metric: .conversion, scale: .relative, estimate: estimate, low: low, high: high,
            statistic: log1p(estimate), variance: variance, mixingVariance: log1p(0.1) * log1p(0.1),
            alpha: 0.05, units: 4000)
    }

    @Test func conclusiveAhead() {
        let verdict = Verdict(result: Self.result(0.12, 0.04, 0.21), unitsPerWeek: 1000, targetLift: 0.1)
        #expect(verdict.code == .aheadConclusive)
        #expect(verdict.sentence == "B is ahead by 12% (+4% to +21%); conclusive.")
        #expect(verdict.remainingWeeks == 0)
    }

    @Test func conclusiveBehind() {
        let verdict = Verdict(result: Self.result(-0.12, -0.2, -0.04), unitsPerWeek: 1000, targetLift: 0.1)
        #expect(verdict.code == .behindConclusive)
        #expect(verdict.sentence == "B is behind by 12% (\u{2212}20% to \u{2212}4%); conclusive.")
    }

    @Test func inconclusiveAheadProjectsTheObservedEffect() throws {
        let result = Self.result(0.15, -0.02, 0.35, variance: 0.004)
        let verdict = Verdict(result: result, unitsPerWeek: 1000, targetLift: 0.1)
        #expect(verdict.code == .inconclusive)
        let weeks = try #require(ExperimentPlanner.remainingWeeks(for: result, unitsPerWeek: 1000))
        #expect(weeks > 0)
        let whole = Int(weeks.rounded())
        #expect(
            verdict.sentence == "B is ahead by 15% (\u{2212}2% to +35%); not conclusive yet; "
                + "at this traffic about \(whole) more weeks.")
    }

    @Test func smallObservedEffectProjectsTheTargetLift() {
        let verdict = Verdict(result: Self.result(0.03, -0.06, 0.12), unitsPerWeek: 1000, targetLift: 0.1)
        #expect(
            verdict.sentence.hasPrefix(
                "B is ahead by 3% (\u{2212}6% to +12%); not conclusive yet; if B were 10% better, at this traffic"))
    }

    @Test func noDifferenceProjectsTheTargetLift() {
        let verdict = Verdict(result: Self.result(0.002, -0.08, 0.09), unitsPerWeek: 1000, targetLift: 0.1)
        #expect(verdict.code == .inconclusive)
        #expect(verdict.sentence.hasPrefix("No difference detected yet (\u{2212}8% to +9%); if B were 10% better"))
    }

    @Test func missingResultIsNotEnoughData() {
        let verdict = Verdict(result: nil, unitsPerWeek: 1000, targetLift: 0.1)
        #expect(verdict.code == .notEnoughData)
        #expect(verdict.sentence == "Not enough data yet to compare B with A.")
    }

    @Test func degenerateArmsReadAsNotEnoughDataWithoutNaN() {
        let zeros = ArmSummary(Array(repeating: UnitOutcome(revenue: 0, converted: false), count: 300))
        for (a, b) in [(zeros, zeros), (ArmSummary.empty, zeros), (ArmSummary.empty, ArmSummary.empty)] {
            for metric in Metric.allCases {
                let result = SequentialTest.relative(metric, a: a, b: b, design: SequentialDesign())
                let verdict = Verdict(result: result, unitsPerWeek: 500, targetLift: 0.1)
                #expect(verdict.code == .notEnoughData)
                #expect(!verdict.sentence.lowercased().contains("nan"))
            }
        }
    }

    @Test func noTrafficOmitsTheProjection() {
        let verdict = Verdict(result: Self.result(0.15, -0.02, 0.35), unitsPerWeek: 0, targetLift: 0.1)
        #expect(verdict.sentence == "B is ahead by 15% (\u{2212}2% to +35%); not conclusive yet.")
        #expect(verdict.remainingWeeks == nil)
    }

    @Test func codesEncodeAsPlainStrings() throws {
        let data = try JSONEncoder().encode(VerdictCode.aheadConclusive)
        #expect(String(decoding: data, as: UTF8.self) == "\"aheadConclusive\"")
    }
}
