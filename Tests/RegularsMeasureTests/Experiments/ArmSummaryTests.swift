import Testing

@testable import RegularsMeasure

struct ArmSummaryTests {
    let outcomes = [
        UnitOutcome(revenue: 0, converted: false, preRevenue: 10),
        UnitOutcome(revenue: 30, converted: true, preRevenue: 20),
        UnitOutcome(revenue: 12, converted: true, preRevenue: 0),
        UnitOutcome(revenue: 0, converted: false, preRevenue: 5),
    ]

    @Test func accumulatesSufficientStatistics() throws {
        let arm = ArmSummary(outcomes)
        #expect(arm.units == 4)
        #expect(arm.conversions == 2)
        #expect(arm.revenueSum == 42)
        #expect(arm.revenueSumOfSquares == 1044)
        #expect(arm.covariateSum == 35)
        #expect(arm.covariateSumOfSquares == 525)
        #expect(arm.crossSum == 600)
        #expect(arm.conversionRate == 0.5)
        #expect(arm.revenuePerUnit == 10.5)
        // Sample variance of [0, 30, 12, 0]: (1044 − 42²/4) / 3 = 201.
        #expect(abs(try #require(arm.revenueVariance) - 201) < 1e-12)
    }

    @Test func mergingEqualsAccumulatingTogether() {
        let merged = ArmSummary(outcomes.prefix(1)) + ArmSummary(outcomes.dropFirst())
        #expect(merged == ArmSummary(outcomes))
    }

    @Test func missingPrePeriodDropsTheCovariate() {
        var arm = ArmSummary(outcomes)
        arm.add(UnitOutcome(revenue: 5, converted: true))
        #expect(arm.covariateSum == nil)
        #expect(!arm.hasCovariate)
        #expect((ArmSummary(outcomes) + arm).crossSum == nil)
    }

    @Test func emptyArmGivesNilNotNaN() {
        let empty = ArmSummary.empty
        #expect(empty.conversionRate == nil)
        #expect(empty.revenuePerUnit == nil)
        #expect(empty.revenueVariance == nil)
        #expect(ArmSummary(outcomes.prefix(1)).revenueVariance == nil)
    }
}
