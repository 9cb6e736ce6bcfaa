import Foundation
import Testing

@testable import RegularsMeasure

struct SequentialTestTests {
    // Reference: sqrt(V(V+τ²)/τ² · (log((V+τ²)/V) − 2·log α)) evaluated in Python.
    @Test func halfWidthMatchesTheFormula() throws {
        let w1 = try #require(ConfidenceSequence.halfWidth(variance: 0.01, mixingVariance: 0.01, alpha: 0.05))
        #expect(abs(w1 - 0.36563948713638483) < 1e-12)
        let tau2 = SequentialDesign().relativeMixingVariance
        let w2 = try #require(ConfidenceSequence.halfWidth(variance: 0.0004, mixingVariance: tau2, alpha: 0.05))
        #expect(abs(w2 - 0.061840419795994486) < 1e-12)
    }

    @Test func halfWidthRejectsDegenerateInputs() {
        #expect(ConfidenceSequence.halfWidth(variance: 0, mixingVariance: 0.01, alpha: 0.05) == nil)
        #expect(ConfidenceSequence.halfWidth(variance: 0.01, mixingVariance: 0, alpha: 0.05) == nil)
        #expect(ConfidenceSequence.halfWidth(variance: .nan, mixingVariance: 0.01, alpha: 0.05) == nil)
        #expect(ConfidenceSequence.halfWidth(variance: 0.01, mixingVariance: 0.01, alpha: 1) == nil)
    }

    @Test func alwaysValidIntervalIsWiderThanTheFixedOne() throws {
        let a = ArmSummary(units: 5000, conversions: 250, revenueSum: 0, revenueSumOfSquares: 0)
        let b = ArmSummary(units: 5000, conversions: 300, revenueSum: 0, revenueSumOfSquares: 0)
        let fixed = try #require(LiftInterval.conversionLift(a: a, b: b)?.relative)
        let sequential = try #require(SequentialTest.relative(.conversion, a: a, b: b, design: SequentialDesign()))
        #expect(abs(sequential.estimate - 0.2) < 1e-12)
        #expect(sequential.low < fixed.low && sequential.high > fixed.high)
        #expect(abs(sequential.statistic - log(1.2)) < 1e-12)
    }

    @Test func winnerFollowsTheInterval() throws {
        let design = SequentialDesign()
        let a = ArmSummary(units: 20000, conversions: 1000, revenueSum: 0, revenueSumOfSquares: 0)
        let better = ArmSummary(units: 20000, conversions: 1300, revenueSum: 0, revenueSumOfSquares: 0)
        let up = try #require(SequentialTest.relative(.conversion, a: a, b: better, design: design))
        #expect(up.isConclusive && up.winner == .b)
        let down = try #require(SequentialTest.relative(.conversion, a: better, b: a, design: design))
        #expect(down.isConclusive && down.winner == .a)
        let absolute = try #require(
            SequentialTest.absolute(.conversion, a: a, b: better, design: design, baselineMean: 0.05))
        #expect(absolute.winner == .b)
        #expect(abs(absolute.estimate - 0.015) < 1e-12)
        #expect(abs(absolute.mixingVariance - 0.005 * 0.005) < 1e-15)
        let same = try #require(SequentialTest.relative(.conversion, a: a, b: a, design: design))
        #expect(!same.isConclusive && same.winner == .neither)
    }

    @Test func degenerateInputsGiveNil() {
        let design = SequentialDesign()
        let zeros = ArmSummary(Array(repeating: UnitOutcome(revenue: 0, converted: false), count: 100))
        #expect(SequentialTest.relative(.revenuePerUnit, a: zeros, b: zeros, design: design) == nil)
        #expect(SequentialTest.absolute(.revenuePerUnit, a: zeros, b: zeros, design: design, baselineMean: 2) == nil)
        #expect(SequentialTest.relative(.conversion, a: .empty, b: zeros, design: design) == nil)
        #expect(SequentialTest.relative(.conversion, a: zeros, b: zeros, design: design) == nil)
    }
}
