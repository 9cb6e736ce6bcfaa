import Foundation
import RegularsData
import Testing

@testable import RegularsMeasure

/// Does the planner's answer match what actually happens when the shop runs the test and looks daily?
///
/// Scenario: 4,004 units a week (286 per arm per day), 5 % baseline conversion, true lift +20 %, α = 5 %,
/// power 80 %. 200 simulated experiments run until the always-valid conversion test is conclusive (or a cap of
/// 2.5× the plan); we compare the plan with the median and the 80th percentile of the weeks it took.
///
/// Why the 80 %-power plan is compared with the 80th percentile rather than the median: the plan is the week by
/// which 80 % of experiments are conclusive, and times to conclusiveness are right-skewed (p80 ≈ 1.8 × median
/// here), so "80 %-power weeks ÷ median" sits near 2 however good the planner is (last run: 7.92 planned vs
/// 4.00 median, 7.14 at p80, 87 % conclusive by the planned week). The median is instead matched against the
/// planner run at 50 % power.
struct PlannerSimulationTests {
    static let experiments = 200
    static let unitsPerArmPerDay = 286
    static let lift = 0.20

    @Test func plannedWeeksMatchSimulatedWeeks() throws {
        let shop = SimulatedShop()
        let moments = shop.revenueMoments
        let traffic = TrafficProfile(
            unitsPerWeek: Double(2 * Self.unitsPerArmPerDay * 7), baselineConversionRate: shop.conversionRate,
            baselineRevenuePerUnit: moments.mean, revenuePerUnitStandardDeviation: moments.sd)
        let plan = try #require(ExperimentPlanner.plan(traffic: traffic, targetLift: Self.lift))
        let planned = try #require(plan.conversion)
        let plannedMedian = try #require(
            ExperimentPlanner.plan(traffic: traffic, targetLift: Self.lift, power: 0.5)?.conversion)
        let capDays = Int((2.5 * planned.sequentialWeeks * 7).rounded(.up))
        var weeksToConclusive: [Double] = []
        for experiment in 0..<Self.experiments {
            var rng = SeededRandom(seed: 30_000 + UInt64(experiment))
            var a = ArmSummary.empty, b = ArmSummary.empty
            var stopped = Double.infinity
            for day in 1...capDays {
                Self.addConversions(rate: shop.conversionRate, to: &a, using: &rng)
                Self.addConversions(rate: shop.conversionRate * (1 + Self.lift), to: &b, using: &rng)
                if SequentialTest.relative(.conversion, a: a, b: b, design: plan.design)?.isConclusive == true {
                    stopped = Double(day) / 7
                    break
                }
            }
            weeksToConclusive.append(stopped)
        }
        weeksToConclusive.sort()
        let median = 0.5 * (weeksToConclusive[99] + weeksToConclusive[100])
        let p80 = weeksToConclusive[159]
        let byPlan = Double(weeksToConclusive.filter { $0 <= planned.sequentialWeeks }.count) / 200
        func weeks(_ value: Double) -> String { String(format: "%.2f", value) }
        print(
            "[simulation] planner conversion: 80 % power \(weeks(planned.sequentialWeeks)) weeks, "
                + "50 % power \(weeks(plannedMedian.sequentialWeeks)) weeks (fixed-horizon 80 %: "
                + "\(weeks(planned.fixedHorizonWeeks))); simulated median \(weeks(median)), "
                + "80th percentile \(weeks(p80)) weeks; conclusive by the 80 % plan: \(percentString(byPlan))")
        let powerRatio = planned.sequentialWeeks / p80
        #expect(powerRatio >= 0.6 && powerRatio <= 1.6, "80 % plan / simulated p80 = \(powerRatio)")
        let medianRatio = plannedMedian.sequentialWeeks / median
        #expect(medianRatio >= 0.6 && medianRatio <= 1.6, "50 % plan / simulated median = \(medianRatio)")
        // The plan promises 80 % power; looking daily can only help, so at least ~80 % should be done by then.
        #expect(byPlan >= 0.75)
        // The 80 %-power plan against the median, as originally specified, for the record (≈ 2, see above).
        let versusMedian = planned.sequentialWeeks / median
        #expect(versusMedian > 1 && versusMedian < 2.5)
    }

    /// One day of a conversion-only arm: revenue is irrelevant here, so only units and conversions are drawn.
    static func addConversions(rate: Double, to arm: inout ArmSummary, using rng: inout SeededRandom) {
        var converted = 0
        for _ in 0..<unitsPerArmPerDay where rng.bernoulli(rate) { converted += 1 }
        arm += ArmSummary(units: unitsPerArmPerDay, conversions: converted, revenueSum: 0, revenueSumOfSquares: 0)
    }
}
