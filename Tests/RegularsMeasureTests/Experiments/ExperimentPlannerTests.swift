import Foundation
import Testing

@testable import RegularsMeasure

struct ExperimentPlannerTests {
    static let traffic = TrafficProfile(
        unitsPerWeek: 2000, baselineConversionRate: 0.05, baselineRevenuePerUnit: 2.0,
        revenuePerUnitStandardDeviation: 12.0)

    @Test func sequentialNeedsLongerThanFixedHorizonButNotAbsurdlySo() throws {
        let plan = try #require(ExperimentPlanner.plan(traffic: Self.traffic, targetLift: 0.1))
        let conversion = try #require(plan.conversion)
        #expect(conversion.sequentialWeeks > conversion.fixedHorizonWeeks)
        #expect(conversion.sequentialWeeks < 2.5 * conversion.fixedHorizonWeeks)
        // Fixed horizon check by hand: n per arm = (1.96 + 0.84)² · (19 + 0.945/0.055) / log(1.1)² ≈ 31,100.
        #expect(abs(conversion.fixedHorizonWeeks * 1000 - 31_100) < 300)
        #expect(abs(conversion.unitsA - conversion.sequentialWeeks * 1000) < 1e-6)
    }

    @Test func soonestPicksTheQuickerMetric() throws {
        let plan = try #require(ExperimentPlanner.plan(traffic: Self.traffic, targetLift: 0.1))
        let conversion = try #require(plan.conversion), revenue = try #require(plan.revenuePerUnit)
        // CV² of revenue is 36 versus ≈ 19 for conversion, so conversion is detectable first here.
        #expect(plan.soonest?.metric == .conversion)
        #expect(revenue.sequentialWeeks > conversion.sequentialWeeks)
        let withCUPED = try #require(
            ExperimentPlanner.plan(traffic: Self.traffic, targetLift: 0.1, cupedVarianceReduction: 0.6))
        #expect(withCUPED.soonest?.metric == .revenuePerUnit)
    }

    @Test func doublingTrafficHalvesTheWeeks() throws {
        var doubled = Self.traffic
        doubled.unitsPerWeek *= 2
        let base = try #require(ExperimentPlanner.plan(traffic: Self.traffic, targetLift: 0.1)?.conversion)
        let fast = try #require(ExperimentPlanner.plan(traffic: doubled, targetLift: 0.1)?.conversion)
        #expect(abs(fast.sequentialWeeks * 2 - base.sequentialWeeks) < 1e-9 * base.sequentialWeeks)
    }

    @Test func holdoutAndUnevenSplitsCostTime() throws {
        var uneven = Self.traffic
        uneven.splitFraction = 0.2
        uneven.holdoutFraction = 0.1
        let base = try #require(ExperimentPlanner.plan(traffic: Self.traffic, targetLift: 0.1)?.conversion)
        let slower = try #require(ExperimentPlanner.plan(traffic: uneven, targetLift: 0.1)?.conversion)
        #expect(slower.sequentialWeeks > 1.5 * base.sequentialWeeks)
    }

    @Test func unusableInputsGiveNil() {
        var noTraffic = Self.traffic
        noTraffic.unitsPerWeek = 0
        #expect(ExperimentPlanner.plan(traffic: noTraffic, targetLift: 0.1) == nil)
        #expect(ExperimentPlanner.plan(traffic: Self.traffic, targetLift: 0) == nil)
        var certain = Self.traffic
        certain.baselineConversionRate = 0.95
        #expect(ExperimentPlanner.plan(traffic: certain, targetLift: 0.1)?.conversion == nil)
    }

    @Test func remainingWeeksShrinkAsDataArrives() throws {
        let design = SequentialDesign()
        func look(units: Int) throws -> SequentialResult {
            let a = ArmSummary(units: units, conversions: units / 20, revenueSum: 0, revenueSumOfSquares: 0)
            let b = ArmSummary(units: units, conversions: units * 11 / 200, revenueSum: 0, revenueSumOfSquares: 0)
            return try #require(SequentialTest.relative(.conversion, a: a, b: b, design: design))
        }
        let early = try #require(ExperimentPlanner.remainingWeeks(for: try look(units: 2000), unitsPerWeek: 2000))
        let later = try #require(ExperimentPlanner.remainingWeeks(for: try look(units: 10000), unitsPerWeek: 2000))
        #expect(early > later && later > 0)
        // Started now with the same effect, the total time should be the same however far along we are.
        #expect(abs((early + 2) - (later + 10)) < 0.5)
        let conclusive = try look(units: 200_000)
        #expect(conclusive.isConclusive)
        #expect(ExperimentPlanner.remainingWeeks(for: conclusive, unitsPerWeek: 2000) == 0)
    }
}
