import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsMeasure

@Suite("Offline protocol on online-retail")
struct OnlineRetailSplitTests {
    static let data = Fixtures.sharedData("online-retail.csv.gz")

    /// The check values of PROTOCOL.md §6 (as `score.py stats` prints them).
    @Test(
        "the split has PROTOCOL.md's cutoff, row counts, catalog and test customers",
        .enabled(if: FileManager.default.fileExists(atPath: data.path)))
    func checkValues() throws {
        let lines = try OrderLinesFile.read(from: Self.data)
        let split = HoldoutSplit(lines: lines)
        #expect(OfflineEvaluation.isoString(split.cutoff) == "2011-11-09T12:50:00Z")
        #expect(split.trainLineCount == 332_343)
        #expect(split.testLineCount == 65_581)
        #expect(split.snapshot.customerCount == 4_070)
        #expect(split.snapshot.productCount == 3_625)
        #expect(split.customers(of: .all).count == 1_380)
        #expect(split.customers(of: .new).count == 1_278)
    }
}
