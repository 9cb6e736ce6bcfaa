import RegularsData
import Testing

@testable import RegularsMeasure

struct CUPEDTests {
    /// Pre-period spend X ~ U(0, 100); experiment spend Y = 0.8·X + N(0, 5²) (+3 in B) when `predictive`,
    /// otherwise Y = 40 + N(0, 23²) (+3 in B) with X unrelated — the same raw variance of Y either way.
    static func arms(predictive: Bool, seed: UInt64) -> (a: [UnitOutcome], b: [UnitOutcome]) {
        var rng = SeededRandom(seed: seed)
        func unit(shift: Double) -> UnitOutcome {
            let x = 100 * rng.uniform()
            let y = predictive ? 0.8 * x + 5 * rng.standardNormal() : 40 + 23 * rng.standardNormal()
            return UnitOutcome(revenue: y + shift, converted: true, preRevenue: x)
        }
        return ((0..<2000).map { _ in unit(shift: 0) }, (0..<2000).map { _ in unit(shift: 3) })
    }

    @Test func predictiveCovariateShrinksVarianceALot() throws {
        let units = Self.arms(predictive: true, seed: 7)
        let a = ArmSummary(units.a), b = ArmSummary(units.b)
        let cuped = try #require(CUPED.adjust(a: a, b: b))
        // Theory: corr(X, Y)² = 0.64·833 / (0.64·833 + 25) ≈ 0.955 of the variance is removable.
        #expect(cuped.varianceReduction > 0.93)
        #expect(abs(cuped.theta - 0.8) < 0.02)
        let raw = try #require(LiftInterval.revenueLift(a: a, b: b))
        let adjusted = try #require(LiftInterval.revenueLift(a: cuped.a, b: cuped.b))
        #expect(abs(adjusted.absoluteDifference - 3) < 0.6)  // still unbiased for the planted +3
        let rawWidth = raw.absoluteHigh - raw.absoluteLow
        let adjustedWidth = adjusted.absoluteHigh - adjusted.absoluteLow
        #expect(adjustedWidth < 0.3 * rawWidth)
        // The adjusted arms plug straight into the always-valid test as well.
        let design = SequentialDesign()
        let rawSequential = try #require(SequentialTest.relative(.revenuePerUnit, a: a, b: b, design: design))
        let cupedSequential = try #require(
            SequentialTest.relative(.revenuePerUnit, a: cuped.a, b: cuped.b, design: design))
        #expect(cupedSequential.high - cupedSequential.low < 0.5 * (rawSequential.high - rawSequential.low))
    }

    @Test func noiseCovariateChangesRoughlyNothing() throws {
        let units = Self.arms(predictive: false, seed: 8)
        let a = ArmSummary(units.a), b = ArmSummary(units.b)
        let cuped = try #require(CUPED.adjust(a: a, b: b))
        #expect(abs(cuped.varianceReduction) < 0.01)
        #expect(abs(cuped.theta) < 0.05)
        let raw = try #require(LiftInterval.revenueLift(a: a, b: b))
        let adjusted = try #require(LiftInterval.revenueLift(a: cuped.a, b: cuped.b))
        #expect(abs(adjusted.absoluteDifference - raw.absoluteDifference) < 0.2)
    }

    @Test func summaryAdjustmentMatchesPerUnitAdjustment() throws {
        let units = Self.arms(predictive: true, seed: 9)
        let cuped = try #require(CUPED.adjust(a: ArmSummary(units.a), b: ArmSummary(units.b)))
        let perUnit = ArmSummary(
            units.a.map {
                UnitOutcome(
                    revenue: cuped.adjustedRevenue(revenue: $0.revenue, preRevenue: $0.preRevenue ?? 0),
                    converted: $0.converted)
            })
        #expect(abs(perUnit.revenueSum - cuped.a.revenueSum) < 1e-6 * abs(perUnit.revenueSum))
        #expect(abs(perUnit.revenueSumOfSquares - cuped.a.revenueSumOfSquares) < 1e-6 * perUnit.revenueSumOfSquares)
        #expect(cuped.a.conversions == perUnit.conversions)
    }

    @Test func unusableCovariateGivesNil() {
        let withX = ArmSummary([
            UnitOutcome(revenue: 1, converted: true, preRevenue: 2),
            UnitOutcome(revenue: 3, converted: true, preRevenue: 2),
        ])
        let withoutX = ArmSummary([UnitOutcome(revenue: 1, converted: true)])
        #expect(CUPED.adjust(a: withX, b: withoutX) == nil)
        #expect(CUPED.adjust(a: withX, b: withX) == nil)  // constant X explains nothing
        #expect(CUPED.adjust(a: .empty, b: .empty) == nil)
    }
}
