import Foundation
import Testing

@testable import RegularsSegments

@Suite("Gamma-Gamma spend model")
struct GammaGammaModelTests {
    @Test("Gamma-Gamma on CDNOW's 946 repeat buyers matches Fader, Hardie & Lee: p 6.25, q 3.74, γ 15.44")
    func cdnowFit() throws {
        let model = GammaGammaModel.estimate(try CDNOW.summaries().rows)
        let p = model.parameters
        #expect(model.customerCount == 946)
        #expect(abs(p.p - 6.25) < 0.005)
        #expect(abs(p.q - 3.74) < 0.005)
        #expect(abs(p.gamma / 15.44 - 1) < 1e-3)  // 15.4477 from the rounded zbar; lifetimes gives 15.4477 too
        #expect(abs(try #require(model.logLikelihood) - -4055.92) < 0.005)
        #expect(try #require(model.diagnostics).converged)
    }

    @Test("the analytic gradient matches central differences")
    func gradient() throws {
        let rows = try CDNOW.summaries().rows.filter { $0.frequency > 0 }
        let likelihood = GammaGammaLikelihood(data: DistinctSummaries(rows, includeSpend: true))
        let theta = [log(4.0), log(3.0), log(20.0)]
        let analytic = likelihood.evaluate(theta).gradient
        for i in 0..<3 {
            var up = theta
            var down = theta
            up[i] += 1e-6
            down[i] -= 1e-6
            let numeric = (likelihood.evaluate(up).value - likelihood.evaluate(down).value) / 2e-6
            #expect(abs(analytic[i] - numeric) < 1e-7, "component \(i)")
        }
    }

    @Test("expected spend per transaction agrees with lifetimes, and is the population mean without repeats")
    func expectedSpend() throws {
        let model = GammaGammaModel.estimate(try CDNOW.summaries().rows)
        let summaries = try CDNOW.summaries()
        for (id, _, _, _, _, _, spend) in BGNBDPredictionTests.lifetimes {
            let summary = try #require(summaries.summary(of: id))
            #expect(abs(try #require(model.expectedAverageSpend(summary)) - spend) < 1e-3, "customer \(id)")
        }
        let one = try #require(model.expectedAverageSpend(frequency: 2, averageSpend: 22.35))
        #expect(abs(one - 24.658_616_19) < 1e-4)
        let none = try #require(model.expectedAverageSpend(frequency: 0, averageSpend: 0))
        let p = model.parameters
        #expect(abs(none - p.p * p.gamma / (p.q - 1)) < 1e-12)
        #expect(abs(none - 35.171_002_15) < 1e-4)
    }

    @Test("repeat buyers with zero spend are left out of the fit")
    func zeroSpendIgnored() throws {
        let rows = try CDNOW.summaries().rows
        let withFree = rows + [CustomerSummary(frequency: 3, recency: 10, age: 20, averageSpend: 0)]
        #expect(GammaGammaModel.estimate(withFree).parameters == GammaGammaModel.estimate(rows).parameters)
    }

    @Test("with q ≤ 1 the population mean does not exist, so a customer without repeats gets no spend")
    func heavyTail() {
        let model = GammaGammaModel(parameters: .init(p: 2, q: 0.8, gamma: 10))
        #expect(model.expectedAverageSpend(frequency: 0, averageSpend: 0) == nil)
        #expect(model.expectedAverageSpend(frequency: 3, averageSpend: 20) != nil)
    }
}
