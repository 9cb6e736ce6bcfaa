import Foundation
import RegularsData
import Testing

@testable import RegularsRecommend

@Suite("Platt scaling: raw ranker scores to probabilities")
struct PlattScalingTests {
    /// Labels drawn from a known curve, P(1 | s) = σ(2s − 1), for scores spread over [−3, 3].
    static func drawn(count: Int, seed: UInt64) -> (scores: [Float], labels: [Float]) {
        var random = SeededRandom(seed: seed)
        var scores: [Float] = [], labels: [Float] = []
        for _ in 0..<count {
            let s = Float(random.uniform() * 6 - 3)
            let p = 1 / (1 + exp(-(2 * Double(s) - 1)))
            scores.append(s)
            labels.append(random.uniform() < p ? 1 : 0)
        }
        return (scores, labels)
    }

    @Test("recovers the slope and intercept that generated the labels")
    func recovers() throws {
        let sample = Self.drawn(count: 40_000, seed: 3)
        let fit = try #require(PlattScaling.fit(scores: sample.scores, labels: sample.labels))
        // Standard errors at this size are about 0.02 (slope) and 0.015 (intercept).
        #expect(abs(fit.slope - 2) < 0.08, "slope \(fit.slope)")
        #expect(abs(fit.intercept + 1) < 0.06, "intercept \(fit.intercept)")
        #expect(abs(fit.probability(0.5) - 0.5) < 0.02)
    }

    @Test("keeps the order of the scores, and refuses labels of one kind")
    func orderAndRefusal() throws {
        let sample = Self.drawn(count: 2_000, seed: 5)
        let fit = try #require(PlattScaling.fit(scores: sample.scores, labels: sample.labels))
        #expect(fit.probability(-1) < fit.probability(0) && fit.probability(0) < fit.probability(1))
        #expect(PlattScaling.fit(scores: [1, 2, 3], labels: [0, 0, 0]) == nil)
        #expect(PlattScaling.fit(scores: [], labels: []) == nil)
        // Scores that fall as labels rise would reverse the trees' order: no fit.
        #expect(PlattScaling.fit(scores: sample.scores.map { -$0 }, labels: sample.labels) == nil)
    }

    @Test("without held-out rows, only the negative sampling is corrected: odds times the share kept")
    func samplingCorrection() {
        let correction = PlattScaling.samplingCorrection(0.25)
        // Sampled odds 1 (p = 0.5) are true odds 0.25, p = 0.2.
        #expect(abs(correction.probability(0) - 0.2) < 1e-6)
    }
}
