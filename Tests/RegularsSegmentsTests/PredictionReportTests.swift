import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsSegments

@Suite("Prediction report")
struct PredictionReportTests {
    static func cdnowReport() throws -> PredictionReport {
        PredictionReport.make(snapshot: try CDNOW.snapshot(), asOf: CDNOW.calibrationAsOf)
    }

    @Test("on CDNOW as a shop, the day-based fit predicts what the week-based fit on the summary does")
    func daysMatchWeeks() throws {
        let report = try Self.cdnowReport()
        let purchases = try #require(report.purchases)
        #expect(purchases.unit == .days)
        #expect(abs(purchases.parameters.alpha / 7 - 4.4135) < 0.001)
        let weekly = BGNBDModel.estimate(try CDNOW.summaries().rows, unit: .weeks)
        let one = CustomerSummary(frequency: 2, recency: 213.0 / 7, age: 272.0 / 7, averageSpend: 22.345)
        let prediction = try #require(report.prediction(for: "1"))
        #expect(abs(try #require(prediction.probabilityAlive) - weekly.probabilityAlive(one)) < 1e-5)
        #expect(
            abs(try #require(prediction.expectedOrders365Days) - weekly.expectedPurchases(one, within: 365.0 / 7))
                < 1e-5)
        #expect(
            abs(try #require(prediction.expectedOrders30Days) - weekly.expectedPurchases(one, within: 30.0 / 7)) < 1e-6)
        let time = try #require(weekly.timeToNextPurchase(one))
        let expectedDay = Fixtures.day("1997-10-01").addingTimeInterval((time * 7).rounded(.down) * 86_400)
        #expect(prediction.nextOrderDate == expectedDay)
        let spend = GammaGammaModel.estimate(try CDNOW.summaries().rows)
        let clv = try #require(LifetimeValueModel(purchases: weekly, spend: spend).value(of: one))
        #expect(abs(try #require(prediction.predictedCLV).doubleValue - clv) < 0.01)
    }

    @Test("every customer with orders is reported, segmented and scored")
    func coverage() throws {
        let report = try Self.cdnowReport()
        #expect(report.customers.count == 2_357)
        #expect(report.shortfall == nil)
        let primaries = report.segmentCounts.reduce(0) { $0 + $1.primary }
        let unassigned = report.customers.filter { $0.primarySegment == nil }.count
        #expect(primaries + unassigned == 2_357)
        let one = try #require(report.prediction(for: "1"))
        #expect(one.orders == 3 && one.totalSpend == Money(units: 740_200))
        #expect(one.lastOrderDate == Fixtures.day("1997-08-02") && one.daysSinceLastOrder == 59)
        #expect(one.segments.contains(.active) && one.segments.contains(.loyal))
        // Everyone in CDNOW's cohort started in Q1 1997, so no one is new by October.
        #expect(report.segmentCounts.first { $0.segment == .new }?.members == 0)
    }

    @Test("the CSV has a header and one line per customer, or only the customer asked for")
    func csv() throws {
        let report = try Self.cdnowReport()
        let lines = report.csv().split(separator: "\n")
        #expect(lines.count == 2_358)
        let header =
            "customer_id,primary_segment,segments,rfm,orders,total_spend,last_order_date,days_since_last_order,"
            + "p_alive,expected_orders_30d,expected_orders_90d,expected_orders_365d,next_order_date,expected_spend,clv"
        #expect(lines[0] == header)
        #expect(lines[1].hasPrefix("1,loyal,active;loyal,"))
        let only = report.csv(customer: "2").split(separator: "\n")
        #expect(only.count == 2 && only[1].hasPrefix("2,"))
    }

    @Test("the JSON round-trips, with money as numbers and days as dates")
    func json() throws {
        let report = try Self.cdnowReport()
        let data = try report.json(customer: "1")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""last_order_date" : "1997-08-02""#))
        #expect(text.contains(#""total_spend" : 74.02"#))
        #expect(text.contains(#""as_of" : "1997-10-01T00:00:00Z""#) && text.contains(#""log_likelihood""#))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(PredictionReport.self, from: data)
        #expect(decoded.customers == [try #require(report.prediction(for: "1"))])
        #expect(decoded.purchases == report.purchases)
    }

    @Test("a report does not look past asOf, even when the snapshot holds later orders")
    func respectsAsOf() throws {
        let snapshot = try CDNOW.snapshot()
        let early = PredictionReport.make(snapshot: snapshot, asOf: CDNOW.calibrationAsOf)
        let late = PredictionReport.make(snapshot: snapshot, asOf: snapshot.asOf)
        #expect(early.prediction(for: "1")?.orders == 3)
        #expect(late.prediction(for: "1")?.orders == 4)
    }
}
