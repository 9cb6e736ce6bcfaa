import RegularsData
import Testing

@testable import RegularsMeasure

/// What an arm's units did after their first exposure, on a hand-made experiment.
struct ExperimentResultsTests {
    static let start: Int64 = 1_700_000_000
    static let experiment = ExperimentRecord(
        name: "t", placement: "home",
        arms: [.init(name: "A", recipe: "default", weight: 1), .init(name: "B", recipe: "none", weight: 1)],
        startedAt: start)

    static func line(_ order: String, _ customer: String, at: Int64, price: Int64) -> PlacedLine {
        PlacedLine(
            orderID: order, position: 1, customerID: customer, at: at, sku: "S", quantity: 1,
            unitPrice: Money(units: price * Money.scale))
    }

    @Test func countsOrdersFromTheFirstExposureUpToAndIncludingTheSecondOfTheRead() {
        let exposures = [
            ExperimentExposure(experiment: "t", unit: "a1", arm: "A", firstAt: Self.start + 10),
            ExperimentExposure(experiment: "t", unit: "a2", arm: "A", firstAt: Self.start + 10),
            ExperimentExposure(experiment: "t", unit: "b1", arm: "B", firstAt: Self.start + 20),
        ]
        let lines = [
            Self.line("before", "a1", at: Self.start - 86_400, price: 7),  // pre-period: CUPED's, not the arm's
            Self.line("o1", "a1", at: Self.start + 50, price: 30),
            Self.line("o2", "b1", at: Self.start + 15, price: 99),  // before b1's exposure: not counted
            Self.line("o3", "b1", at: Self.start + 100, price: 10),  // in the second of the read: counted
            Self.line("o4", "a2", at: Self.start + 101, price: 50),  // after the read: not counted
        ]
        let results = ExperimentResults.make(
            experiment: Self.experiment, exposures: exposures, lines: lines, events: [], now: Self.start + 100)
        let a = results.arms[0]
        let b = results.arms[1]
        #expect(a.units == 2 && a.orders == 1 && a.revenue == Money(units: 30 * Money.scale))
        #expect(a.conversionRate == 0.5 && a.revenuePerUnit == 15)
        #expect(b.units == 1 && b.orders == 1 && b.revenue == Money(units: 10 * Money.scale))
        #expect(results.comparisons.map(\.metric) == [.revenuePerUnit, .conversion])
        #expect(results.comparisons.allSatisfy { $0.arm == "B" && $0.control == "A" })
    }
}
