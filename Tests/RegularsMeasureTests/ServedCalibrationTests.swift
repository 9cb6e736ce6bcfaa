import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsMeasure

/// The probability the API serves with each ranked pick, checked the protocol's way on real orders: trained as of
/// the cutoff, against what every customer known then bought in the 30 days after it.
@Suite("Served purchase probabilities on online-retail")
struct ServedCalibrationTests {
    static let data = Fixtures.sharedData("online-retail.csv.gz")

    @Test(
        "predicted and observed agree per tenth of the picks, and the probabilities beat the base rate",
        .enabled(if: FileManager.default.fileExists(atPath: data.path)))
    func calibrated() throws {
        let lines = try OrderLinesFile.read(from: Self.data)
        let (_, serving, _) = try ServedEvaluation.evaluate(
            file: Self.data, displayName: "online-retail.csv.gz", lines: lines)
        for track in Track.allCases {
            let table = try #require(serving.reliability[track.rawValue], "\(track)")
            #expect(table.bins.count == 10)
            for bin in table.bins {
                // Within a factor of two in every tenth: the test month (Nov–Dec) is the shop's busiest, so
                // observed runs above predicted at the top; a raw score passed off as a probability fails here.
                #expect(bin.observed >= bin.predicted / 2 && bin.observed <= bin.predicted * 2, "\(track) \(bin)")
            }
            #expect(table.predicted >= table.observed / 1.5 && table.predicted <= table.observed * 1.5, "\(track)")
            // Sharper than saying the base rate to everyone, and the top tenth buys far more than the bottom.
            #expect(table.brier < table.observed * (1 - table.observed), "\(track) Brier \(table.brier)")
            #expect(table.bins.last!.observed > 4 * table.bins.first!.observed, "\(track)")
        }
    }
}
