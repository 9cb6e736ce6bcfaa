import Foundation
import RegularsData
import Testing

@testable import RegularsSegments

@Suite("Thin data")
struct ThinDataTests {
    /// `repeaters` customers with one repeat purchase and `singles` without, over `days` of history.
    static func summaries(repeaters: Int, singles: Int = 50, days: Double = 200) -> CustomerSummaries {
        let rows =
            (0..<repeaters).map {
                CustomerSummary(frequency: 1 + $0 % 3, recency: Double($0 % 50), age: days, averageSpend: 20)
            }
            + (0..<singles).map { _ in CustomerSummary(frequency: 0, recency: 0, age: days / 2) }
        return CustomerSummaries(unit: .days, ids: rows.indices.map(String.init), rows: rows)
    }

    @Test("99 repeat customers are one short: the fit says so instead of giving numbers")
    func tooFewRepeatCustomers() throws {
        let fit = BGNBDModel.train(on: Self.summaries(repeaters: 99))
        let shortfall = try #require(fit.shortfall)
        #expect(fit.model == nil)
        #expect(shortfall.moreRepeatCustomersNeeded == 1)
        let message = "not enough data for predictions yet: 1 more repeat customer needed"
        #expect(shortfall.description == message + " (have 99 repeat customers over 200 days)")
        #expect(BGNBDModel.train(on: Self.summaries(repeaters: 100)).model != nil)
    }

    @Test("under 90 days of history there are no predictions either")
    func tooShortHistory() throws {
        let shortfall = try #require(GammaGammaModel.train(on: Self.summaries(repeaters: 150, days: 60)).shortfall)
        #expect(shortfall.moreHistoryDaysNeeded == 30)
        #expect(shortfall.moreRepeatCustomersNeeded == 0)
        #expect(shortfall.description.hasPrefix("not enough data for predictions yet: 30 more days of history needed"))
        let both = try #require(BGNBDModel.train(on: Self.summaries(repeaters: 10, days: 30)).shortfall)
        #expect(
            both.description.hasPrefix(
                "not enough data for predictions yet: 90 more repeat customers and 60 more days of history needed"))
    }

    @Test("the requirements are settings: a smaller shop can lower them")
    func adjustableRequirements() {
        let settings = BGNBDModel.Settings(requirements: .init(minimumRepeatCustomers: 20, minimumHistoryDays: 30))
        #expect(BGNBDModel.train(on: Self.summaries(repeaters: 40), settings: settings).model != nil)
    }

    @Test("even with the requirements at zero, a shop without repeat buyers gets no fit rather than a crash")
    func noRepeatBuyers() {
        let none = DataRequirements(minimumRepeatCustomers: 0, minimumHistoryDays: 0)
        let summaries = Self.summaries(repeaters: 0)
        #expect(GammaGammaModel.train(on: summaries, settings: .init(requirements: none)).shortfall != nil)
        #expect(
            BGNBDModel.train(on: CustomerSummaries(unit: .days, ids: [], rows: []), settings: .init(requirements: none))
                .shortfall != nil)
    }

    @Test("a small shop still gets segments, without predictions, and is told why")
    func reportWithoutPredictions() throws {
        var shop = TestShop()
        for i in 0..<20 {
            shop.order("c\(i)", daysAgo: 100 + i)
            if i % 2 == 0 { shop.order("c\(i)", daysAgo: 10 + i) }
        }
        let report = PredictionReport.make(snapshot: shop.snapshot(), asOf: shop.asOf)
        #expect(report.purchases == nil && report.spend == nil)
        #expect(try #require(report.shortfall).moreRepeatCustomersNeeded == 90)
        #expect(report.customers.count == 20)
        #expect(report.customers.allSatisfy { $0.probabilityAlive == nil && $0.predictedCLV == nil })
        #expect(report.customers.allSatisfy { $0.primarySegment != nil })
        #expect(report.text.contains("not enough data for predictions yet: 90 more repeat customers needed"))
    }
}
