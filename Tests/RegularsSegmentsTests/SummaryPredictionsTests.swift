import Foundation
import Testing

@testable import RegularsSegments

@Suite("Predictions from a summary file")
struct SummaryPredictionsTests {
    @Test("the parameters JSON has exactly the bgnbd and gamma_gamma keys")
    func parametersJSON() throws {
        let predictions = try #require(SummaryPredictions.make(summaries: try CDNOW.summaries()).model)
        let object = try #require(
            try JSONSerialization.jsonObject(with: predictions.parametersJSON()) as? [String: Any])
        #expect(Set(object.keys) == ["bgnbd", "gamma_gamma"])
        let bgnbd = try #require(object["bgnbd"] as? [String: Double])
        let gammaGamma = try #require(object["gamma_gamma"] as? [String: Double])
        #expect(Set(bgnbd.keys) == ["r", "alpha", "a", "b", "log_likelihood"])
        #expect(Set(gammaGamma.keys) == ["p", "q", "gamma", "log_likelihood"])
        #expect(abs(try #require(bgnbd["r"]) - 0.2426) < 0.0001)
        #expect(abs(try #require(gammaGamma["log_likelihood"]) - -4055.92) < 0.01)
    }

    @Test("rows are ID,p_alive,expected_purchases,expected_spend, customer 1 first: 0.7266, 1.226, 24.66")
    func rows() throws {
        let predictions = try #require(SummaryPredictions.make(summaries: try CDNOW.summaries(), horizon: 39).model)
        let lines = predictions.csv.split(separator: "\n")
        #expect(lines.count == 2_358)
        #expect(lines[0] == "ID,p_alive,expected_purchases,expected_spend")
        let fields = lines[1].split(separator: ",")
        #expect(fields[0] == "1")
        #expect(abs(try #require(Double(fields[1])) - 0.7266) < 0.0001)
        #expect(abs(try #require(Double(fields[2])) - 1.2259) < 0.0001)
        #expect(abs(try #require(Double(fields[3])) - 24.6586) < 0.0001)
    }

    @Test("the horizon is in the summary's unit")
    func horizon() throws {
        let summaries = try CDNOW.summaries()
        let year = try #require(SummaryPredictions.make(summaries: summaries, horizon: 52).model)
        let quarter = try #require(SummaryPredictions.make(summaries: summaries, horizon: 13).model)
        #expect(year.rows[0].expectedPurchases > quarter.rows[0].expectedPurchases)
        #expect(
            abs(year.rows[0].expectedPurchases - year.purchases.expectedPurchases(summaries.rows[0], within: 52))
                < 1e-15)
    }
}
