import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsSegments

@Suite("Hold-out validation")
struct HoldoutValidationTests {
    static func cdnow() throws -> HoldoutValidation {
        try #require(
            HoldoutValidation.validate(
                transactions: try CDNOW.transactions(), calibrationEnd: Fixtures.day("1997-09-30"),
                holdoutEnd: Fixtures.day("1998-06-30")
            ).model)
    }

    @Test("CDNOW: 2,357 customers in buckets x = 0…7+, with the hold-out's 1,882 purchase days")
    func cdnowActuals() throws {
        let validation = try Self.cdnow()
        #expect(validation.buckets.map(\.customers) == [1_411, 439, 214, 100, 62, 38, 29, 64])
        #expect(abs(validation.holdoutLength - 39) < 1e-12)
        // Counted straight from the log: distinct (customer, day) pairs after the calibration.
        let holdout = Set(
            try CDNOW.transactions().filter { $0.date > Fixtures.day("1997-09-30") }.map {
                "\($0.customerID) \($0.date)"
            })
        #expect(validation.actualTotal == Double(holdout.count))
        #expect(holdout.count == 1_882)
    }

    @Test("CDNOW: predictions are the model's E[Y(39)] summed per bucket, rising with x as the actuals do (FHL Fig. 4)")
    func cdnowPredictions() throws {
        let validation = try Self.cdnow()
        let summaries = try CDNOW.summaries()
        let model = BGNBDModel.estimate(summaries.rows, unit: .weeks)
        let expected = summaries.rows.reduce(0) { $0 + model.expectedPurchases($1, within: 39) }
        #expect(abs(validation.predictedTotal - expected) < 0.05)  // the file rounds t_x and T to 2 decimals
        #expect(abs(validation.totalRelativeError) < 0.15)
        let means = validation.buckets.map(\.predictedMean)
        #expect(zip(means, means.dropFirst()).allSatisfy { $0 < $1 })
        #expect(abs(validation.buckets[0].predictedMean - validation.buckets[0].actualMean) < 0.02)
        #expect(validation.text.contains("total: actual 1882, predicted 1653"))
    }

    @Test("the snapshot path in days agrees with the transaction path in weeks")
    func snapshotPath() throws {
        let byWeek = try Self.cdnow()
        let byDay = try #require(
            HoldoutValidation.validate(snapshot: try CDNOW.snapshot(), calibrationEnd: Fixtures.day("1997-09-30")).model
        )
        #expect(byDay.holdoutLength == 273)
        #expect(byDay.actualTotal == byWeek.actualTotal)
        #expect(abs(byDay.predictedTotal / byWeek.predictedTotal - 1) < 1e-5)
    }

    @Test("with too little calibration data the validation says so")
    func thin() {
        var shop = TestShop()
        for i in 0..<30 { shop.order("c\(i)", daysAgo: 200 - i) }
        let result = HoldoutValidation.validate(snapshot: shop.snapshot(), calibrationEnd: Fixtures.day("2024-03-01"))
        #expect(result.shortfall?.moreRepeatCustomersNeeded == 100)
    }
}
