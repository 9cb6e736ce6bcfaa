import Foundation
import RegularsData
import RegularsRecommend
import RegularsTestSupport
import Testing

@testable import RegularsMeasure

/// `regulars evaluate F --validation` on the served path: settings of the lists the API serves are tuned on the
/// validation split, as the bare models' are, before the test month is looked at.
@Suite("The served path on the validation split of online-retail")
struct ServedValidationTests {
    static let data = Fixtures.sharedData("online-retail.csv.gz")

    @Test(
        "trained and asked 30 days before the test cutoff, scored on that month's customers, and far above popularity",
        .enabled(if: FileManager.default.fileExists(atPath: data.path)))
    func validationSplit() throws {
        let lines = try OrderLinesFile.read(from: Self.data)
        let split = try HoldoutSplit.of(lines, validation: true)
        #expect(split.cutoff == HoldoutSplit(lines: lines).cutoff - HoldoutSplit.horizonSeconds)
        let (report, serving, _) = try ServedEvaluation.evaluate(
            file: Self.data, displayName: "online-retail.csv.gz", lines: lines, validation: true)
        let cutoff = OfflineEvaluation.isoString(split.cutoff)
        #expect(report.cutoff == cutoff)
        #expect(serving.asOf == cutoff)
        // Only the training lines count: the test month is neither trained on nor scored.
        #expect(report.trainLines == split.trainLineCount)
        #expect(report.testLines == split.testLineCount)
        #expect(report.trainLines + report.testLines < lines.count)
        let all = try #require(report.tracks.first { $0.track == .all })
        #expect(all.customers == split.customers(of: .all).count)
        #expect(all.customersWithPredictions == all.customers)
        let popular = try OfflineEvaluation.evaluate(lines: lines, model: .popular, validation: true).report
        let baseline = try #require(popular.tracks.first { $0.track == .all })
        let served = try #require(all.atK.first { $0.k == 20 }), bar = try #require(baseline.atK.first { $0.k == 20 })
        #expect(served.recall > 2 * bar.recall, "served \(served.recall), popularity \(bar.recall)")
    }

    /// Two orders 30 days apart: the test split trains on the first, the validation split (60 days back) on
    /// nothing, which is an error naming its cutoff rather than a table of zeros.
    @Test("a validation split with nothing before its cutoff is refused, naming the cutoff")
    func nothingToTrainOn() throws {
        let day: Int64 = 86_400, start: Int64 = 1_704_067_200  // 2024-01-01
        let lines = [
            SnapshotBuilder.Line(orderID: "A", customerID: "c", orderedAt: start, sku: "X"),
            SnapshotBuilder.Line(orderID: "B", customerID: "c", orderedAt: start + 40 * day, sku: "Y"),
        ]
        #expect(try HoldoutSplit.of(lines, validation: false).trainLineCount == 1)
        #expect {
            try HoldoutSplit.of(lines, validation: true)
        } throws: { error in
            "\(error)" == "no order lines before the cutoff 2023-12-12T00:00:00Z to train on: the validation split "
                + "trains on the lines more than 60 days older than the newest"
        }
        #expect(throws: EvaluationError.self) {
            try OfflineEvaluation.evaluate(lines: Array(lines.suffix(1)), model: .popular)
        }
    }
}
