import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsSegments

@Suite("Summaries (x, t_x, T, z̄)")
struct SummaryBuilderTests {
    @Test("the CDNOW transactions reproduce x, t_x and T of cdnow-summary.csv for all 2,357 customers")
    func cdnowFrequencyRecencyAge() throws {
        let published = try CDNOW.summaries()
        let built = SummaryBuilder.summarize(try CDNOW.transactions(), asOf: CDNOW.calibrationAsOf, unit: .weeks)
        #expect(built.count == 2_357)
        #expect(built.ids == published.ids)
        var mismatches: [String] = []
        for (index, row) in built.rows.enumerated() {
            let expected = published.rows[index]
            let twoDecimals = { (value: Double) in (value * 100).rounded() / 100 }
            if row.frequency != expected.frequency || twoDecimals(row.recency) != expected.recency
                || twoDecimals(row.age) != expected.age
            {
                mismatches.append(built.ids[index])
            }
        }
        #expect(mismatches.isEmpty, "customers \(mismatches.prefix(10))")
        #expect(
            built.rows[0] == CustomerSummary(frequency: 2, recency: 213.0 / 7, age: 272.0 / 7, averageSpend: 22.345))
    }

    @Test("z̄ is the mean spend of the repeat purchase days, which reproduces CDNOW's zbar rounded half up")
    func cdnowAverageSpend() throws {
        let published = try CDNOW.summaries()
        let built = SummaryBuilder.summarize(try CDNOW.transactions(), asOf: CDNOW.calibrationAsOf, unit: .weeks)
        var mismatches = 0
        for (index, row) in built.rows.enumerated() {
            let expectedCents = Int64((published.rows[index].averageSpend * 100).rounded())
            guard row.frequency > 0 else {
                if expectedCents != 0 { mismatches += 1 }
                continue
            }
            // Recover the exact repeat spend in Money units, then round its mean to cents, half up.
            let x = Int64(row.frequency)
            let units = Int64((row.averageSpend * Double(x) * 10_000).rounded())
            let cents = (2 * units + 100 * x) / (200 * x)
            if cents != expectedCents { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test("several orders on one day are one purchase day and their spend adds up")
    func sameDayOrders() {
        let day = Fixtures.day("2024-03-01")
        let transactions = [
            CustomerTransaction(customerID: "c", date: day, amount: Money(units: 100_000)),
            CustomerTransaction(
                customerID: "c", date: day.addingTimeInterval(20 * 86_400), amount: Money(units: 30_000)),
            CustomerTransaction(
                customerID: "c", date: day.addingTimeInterval(20 * 86_400 + 3_600), amount: Money(units: 20_000)),
            CustomerTransaction(customerID: "c", date: day.addingTimeInterval(3_600), amount: Money(units: 50_000)),
        ]
        let summaries = SummaryBuilder.summarize(transactions, asOf: Fixtures.day("2024-04-01"), unit: .days)
        #expect(summaries.rows == [CustomerSummary(frequency: 1, recency: 20, age: 30, averageSpend: 5)])
    }

    @Test("the calibration ends with the day before asOf: 23:59 on the last day counts, midnight after does not")
    func calibrationBoundary() {
        let first = Fixtures.day("1997-09-01")
        let lastDay = Fixtures.day("1997-09-30")
        let transactions = [
            CustomerTransaction(customerID: "a", date: first, amount: Money(units: 10_000)),
            CustomerTransaction(
                customerID: "a", date: lastDay.addingTimeInterval(86_399), amount: Money(units: 10_000)),
            CustomerTransaction(customerID: "a", date: Fixtures.day("1997-10-01"), amount: Money(units: 10_000)),
            CustomerTransaction(customerID: "b", date: Fixtures.day("1997-10-01"), amount: Money(units: 10_000)),
        ]
        let summaries = SummaryBuilder.summarize(transactions, asOf: SummaryBuilder.endOfDay(lastDay), unit: .days)
        #expect(summaries.ids == ["a"])
        #expect(summaries.rows == [CustomerSummary(frequency: 1, recency: 29, age: 29, averageSpend: 1)])
    }

    @Test("a snapshot and the same transactions give the same summaries, at an earlier asOf too")
    func snapshotMatchesTransactions() throws {
        let snapshot = try CDNOW.snapshot()
        let fromSnapshot = SummaryBuilder.summarize(snapshot, asOf: CDNOW.calibrationAsOf, unit: .weeks)
        let fromTransactions = SummaryBuilder.summarize(
            try CDNOW.transactions(), asOf: CDNOW.calibrationAsOf, unit: .weeks)
        #expect(fromSnapshot == fromTransactions)
        let whole = SummaryBuilder.summarize(snapshot, unit: .days)
        let first = try #require(whole.rows.first)
        #expect((first.frequency, first.recency, first.age) == (3, 345, 545))
        #expect(abs(first.averageSpend - (29.73 + 14.96 + 26.48) / 3) < 1e-12)
    }

    @Test("weeks are days divided by seven")
    func units() {
        #expect(TimeUnit.weeks.fromDays(14) == 2)
        #expect(TimeUnit.days.fromDays(14) == 14)
        #expect(TimeUnit.weeks.toDays(1.5) == 10.5)
    }
}
