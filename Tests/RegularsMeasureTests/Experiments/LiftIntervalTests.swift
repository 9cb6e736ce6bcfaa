import Testing

@testable import RegularsMeasure

struct LiftIntervalTests {
    static func conversions(_ converted: Int, of units: Int) -> ArmSummary {
        ArmSummary(units: units, conversions: converted, revenueSum: 0, revenueSumOfSquares: 0)
    }

    // Reference: Newcombe's hybrid score interval computed in Python from scipy 1.17's own Wilson intervals,
    //   lo/hi = scipy.stats.binomtest(k, n).proportion_ci(0.95, method="wilson") for each arm, then
    //   d − sqrt((pB − loB)² + (hiA − pA)²),  d + sqrt((hiB − pB)² + (pA − loA)²),  d = pB − pA.
    @Test(arguments: [
        (50, 1000, 65, 1000, -0.005531739865897372, 0.035738322445948656),
        (0, 200, 5, 180, 0.0031495796025201306, 0.06336807044843389),
        (12, 40, 30, 45, 0.15426753687776235, 0.5356628116652907),
    ])
    func newcombeMatchesReference(kA: Int, nA: Int, kB: Int, nB: Int, low: Double, high: Double) throws {
        let interval = try #require(
            LiftInterval.conversionLift(a: Self.conversions(kA, of: nA), b: Self.conversions(kB, of: nB)))
        #expect(abs(interval.absoluteLow - low) < 1e-10)
        #expect(abs(interval.absoluteHigh - high) < 1e-10)
    }

    // Reference: exp(log(pB/pA) ± 1.959964·sqrt((1−pA)/(nA·pA) + (1−pB)/(nB·pB))) − 1 in Python.
    @Test func relativeConversionLiftUsesTheLogRatio() throws {
        let interval = try #require(
            LiftInterval.conversionLift(a: Self.conversions(50, of: 1000), b: Self.conversions(65, of: 1000)))
        #expect(abs(try #require(interval.estimate) - 0.3) < 1e-12)
        #expect(abs(try #require(interval.low) - -0.09130858430703476) < 1e-9)
        #expect(abs(try #require(interval.high) - 0.8598172831986216) < 1e-9)
    }

    // Reference: r = scipy.stats.ttest_ind(b, a, equal_var=False); r.confidence_interval(0.95) and (0.90),
    // scipy 1.17 (Welch–Satterthwaite df = 31.8577).
    @Test func welchMatchesScipy() throws {
        let a: [Double] = [0, 0, 12.5, 0, 40, 0, 0, 7.25, 0, 0, 19.99, 0, 3.1, 0, 0, 55]
        let b: [Double] = [0, 9.5, 0, 22, 0, 0, 31.75, 0, 14, 0, 0, 0, 68.2, 5, 0, 0, 11, 0]
        let armA = ArmSummary(a.map { UnitOutcome(revenue: $0, converted: $0 > 0) })
        let armB = ArmSummary(b.map { UnitOutcome(revenue: $0, converted: $0 > 0) })
        let ci95 = try #require(LiftInterval.revenueLift(a: armA, b: armB))
        #expect(abs(ci95.absoluteDifference - 0.3544444444444448) < 1e-9)
        #expect(abs(ci95.absoluteLow - -11.464363214495542) < 1e-7)
        #expect(abs(ci95.absoluteHigh - 12.173252103384431) < 1e-7)
        let ci90 = try #require(LiftInterval.revenueLift(a: armA, b: armB, confidence: 0.90))
        #expect(abs(ci90.absoluteLow - -9.473517329403839) < 1e-7)
        #expect(abs(ci90.absoluteHigh - 10.182406218292726) < 1e-7)
        let relative = try #require(ci95.relative)
        #expect(relative.low < relative.estimate && relative.estimate < relative.high)
    }

    @Test func emptyArmsGiveNil() {
        let some = Self.conversions(5, of: 100)
        #expect(LiftInterval.conversionLift(a: .empty, b: some) == nil)
        #expect(LiftInterval.conversionLift(a: some, b: .empty) == nil)
        #expect(LiftInterval.revenueLift(a: .empty, b: .empty) == nil)
        #expect(LiftInterval.conversionLift(a: some, b: some, confidence: 1) == nil)
    }

    @Test func zeroConversionsInAMakeTheRelativeLiftUnknown() throws {
        let interval = try #require(
            LiftInterval.conversionLift(a: Self.conversions(0, of: 200), b: Self.conversions(5, of: 180)))
        #expect(interval.relative == nil)
        #expect(interval.absoluteLow.isFinite && interval.absoluteHigh.isFinite)
        let none = try #require(
            LiftInterval.conversionLift(a: Self.conversions(0, of: 50), b: Self.conversions(0, of: 50)))
        #expect(none.relative == nil)
        #expect(none.absoluteLow < 0 && none.absoluteHigh > 0)
    }

    @Test func zeroVarianceRevenueGivesNil() {
        let zeros = ArmSummary(Array(repeating: UnitOutcome(revenue: 0, converted: false), count: 500))
        #expect(LiftInterval.revenueLift(a: zeros, b: zeros) == nil)
        let single = ArmSummary([UnitOutcome(revenue: 10, converted: true)])
        #expect(LiftInterval.revenueLift(a: single, b: zeros) == nil)
    }

    @Test func zeroRevenueInAKeepsTheAbsoluteIntervalOnly() throws {
        let zeros = ArmSummary(Array(repeating: UnitOutcome(revenue: 0, converted: false), count: 50))
        let some = ArmSummary((0..<50).map { UnitOutcome(revenue: $0 % 10 == 0 ? 25 : 0, converted: $0 % 10 == 0) })
        let interval = try #require(LiftInterval.revenueLift(a: zeros, b: some))
        #expect(interval.relative == nil)
        #expect(interval.absoluteLow.isFinite && interval.absoluteHigh.isFinite)
    }
}
