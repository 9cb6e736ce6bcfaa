import Foundation
import Testing

@testable import RegularsSegments

@Suite("BG/NBD fit")
struct BGNBDModelTests {
    @Test("BG/NBD on CDNOW matches Fader, Hardie & Lee 2005 and CLVTools")
    func cdnowFit() throws {
        let model = BGNBDModel.estimate(try CDNOW.summaries().rows, unit: .weeks)
        let p = model.parameters
        // Published (FHL 2005, 4 digits): r 0.2426, α 4.414, a 0.7929, b 2.426, LL −9582.43.
        #expect(abs(p.r - 0.2426) < 0.00005)
        #expect(abs(p.alpha - 4.414) < 0.0005)
        #expect(abs(p.a - 0.7929) < 0.00005)
        #expect(abs(p.b - 2.426) < 0.0005)
        #expect(abs(try #require(model.logLikelihood) - -9582.43) < 0.005)
        // CLVTools agrees to 1e-4 relative; the likelihood is flat there, so neither has more digits.
        let c = CDNOW.clvTools
        for (mine, theirs) in [(p.r, c.r), (p.alpha, c.alpha), (p.a, c.a), (p.b, c.b)] {
            #expect(abs(mine - theirs) / theirs < 1e-4)
        }
        let diagnostics = try #require(model.diagnostics)
        #expect(diagnostics.converged)
        #expect(diagnostics.startsAgreeing >= 2)
    }

    @Test("the fit is the maximum: its log-likelihood is at least that of CLVTools' parameters, −9582.4256")
    func likelihoodAtPublishedParameters() throws {
        let rows = try CDNOW.summaries().rows
        let atCLVTools = BGNBDModel.logLikelihood(CDNOW.clvTools, of: rows)
        #expect(abs(atCLVTools - -9582.425_560_6) < 1e-6)
        let fitted = BGNBDModel.estimate(rows, unit: .weeks)
        #expect(try #require(fitted.logLikelihood) >= atCLVTools)
        #expect(abs(try #require(fitted.logLikelihood) - BGNBDModel.logLikelihood(fitted.parameters, of: rows)) < 1e-6)
    }

    @Test("the analytic gradient matches central differences")
    func gradient() throws {
        let likelihood = BGNBDLikelihood(data: DistinctSummaries(try CDNOW.summaries().rows))
        let theta = [log(0.3), log(5.0), log(0.9), log(2.0)]
        let analytic = likelihood.evaluate(theta).gradient
        for i in 0..<4 {
            var up = theta
            var down = theta
            up[i] += 1e-6
            down[i] -= 1e-6
            let numeric = (likelihood.evaluate(up).value - likelihood.evaluate(down).value) / 2e-6
            #expect(abs(analytic[i] - numeric) < 1e-7, "component \(i)")
        }
    }

    @Test("fitting in days gives α seven times larger and the same likelihood surface")
    func unitsScale() throws {
        let weeks = try CDNOW.summaries().rows
        let days = weeks.map { CustomerSummary(frequency: $0.frequency, recency: $0.recency * 7, age: $0.age * 7) }
        let inWeeks = BGNBDModel.estimate(weeks, unit: .weeks).parameters
        let inDays = BGNBDModel.estimate(days, unit: .days).parameters
        #expect(abs(inDays.alpha / inWeeks.alpha - 7) < 1e-4)
        #expect(
            abs(inDays.r - inWeeks.r) < 1e-5 && abs(inDays.a - inWeeks.a) < 1e-5 && abs(inDays.b - inWeeks.b) < 1e-4)
    }

    @Test("heavy buyers (x = 500) keep the likelihood and predictions finite")
    func heavyBuyers() {
        let rows = [
            CustomerSummary(frequency: 500, recency: 99, age: 100), CustomerSummary(frequency: 0, recency: 0, age: 100),
            CustomerSummary(frequency: 3, recency: 50, age: 100),
        ]
        #expect(BGNBDModel.logLikelihood(CDNOW.clvTools, of: rows).isFinite)
        let model = BGNBDModel(parameters: CDNOW.clvTools, unit: .weeks)
        let expected = model.expectedPurchases(rows[0], within: 52)
        #expect(expected.isFinite && expected > 100)
        let (r, alpha, a, b) = (CDNOW.clvTools.r, CDNOW.clvTools.alpha, CDNOW.clvTools.a, CDNOW.clvTools.b)
        let odds = a / (b + 499) * pow((alpha + 100) / (alpha + 99), r + 500)
        #expect(abs(model.probabilityAlive(rows[0]) - 1 / (1 + odds)) < 1e-12)
    }

    @Test("a fit recovers the parameters of simulated BG/NBD customers")
    func recoversSimulatedParameters() {
        let truth = BGNBDModel.Parameters(r: 0.5, alpha: 20, a: 0.8, b: 3)
        var simulator = BGNBDSimulator(truth, seed: 7)
        let rows = (0..<20_000).map { i in simulator.customer(age: Double(200 + i % 530)) }
        let fitted = BGNBDModel.estimate(rows, unit: .days).parameters
        #expect(abs(fitted.r / truth.r - 1) < 0.1)
        #expect(abs(fitted.alpha / truth.alpha - 1) < 0.1)
        #expect(abs(fitted.a / truth.a - 1) < 0.25)
        #expect(abs(fitted.b / truth.b - 1) < 0.25)
    }
}
