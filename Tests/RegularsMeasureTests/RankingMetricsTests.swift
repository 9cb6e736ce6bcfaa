import Foundation
import Testing

@testable import RegularsMeasure

@Suite("Ranking metrics")
struct RankingMetricsTests {
    /// c1: truth {a, b, c}, list [a, x, b] → hits at ranks 1 and 3: recall 2/3, DCG 1 + 1/log2(4) = 1.5,
    /// IDCG 1 + 1/log2(3) + 1/2 = 2.1309298, NDCG 0.7039180, hit 1. c2: truth {y}, no list → 0 everywhere.
    /// Means over 2 customers; coverage |{a, x, b}| / |catalog of 5| = 0.6.
    @Test("recall, NDCG, hit rate and coverage of the all track match values computed by hand")
    func allTrackByHand() {
        let metrics = RankingMetrics.score(
            track: .all, customers: ["c1", "c2"], lists: ["c1": ["a", "x", "b"]],
            truth: ["c1": ["a", "b", "c"], "c2": ["y"]], history: nil,
            isInCatalog: { ["a", "b", "c", "x", "y"].contains($0) }, catalogCount: 5)
        let at10 = metrics[10]!
        #expect(abs(at10.recall - (2.0 / 3) / 2) < 1e-12)
        #expect(abs(at10.ndcg - 1.5 / (1 + 1 / log2(3.0) + 0.5) / 2) < 1e-12)
        #expect(abs(at10.ndcg - 0.3519590) < 1e-6)
        #expect(at10.hitRate == 0.5)
        #expect(at10.coverage == 0.6)
        #expect(metrics.customersWithPredictions == 1)
    }

    /// History {a} is removed from [a, x, b] → [x, b]; truth {b, c}: one hit at rank 2: recall 1/2,
    /// NDCG (1/log2(3)) / (1 + 1/log2(3)) = 0.3868528.
    @Test("the new track drops the customer's history without refilling")
    func newTrackFilter() {
        let metrics = RankingMetrics.score(
            track: .new, customers: ["c1"], lists: ["c1": ["a", "x", "b"]], truth: ["c1": ["b", "c"]],
            history: { _ in ["a"] }, isInCatalog: { _ in true }, catalogCount: 10)
        #expect(abs(metrics[20]!.recall - 0.5) < 1e-12)
        #expect(abs(metrics[20]!.ndcg - 0.3868528) < 1e-6)
        #expect(abs(metrics[20]!.coverage - 0.2) < 1e-12)
    }

    /// 25 relevant items and a perfect list of 20: Recall@20 is normalised by min(K, |T|) = 20, so it is 1.
    @Test("recall is normalised by min(K, |truth|)")
    func recallNormalisation() {
        let truth = Set((0..<25).map { "s\($0)" })
        let list = (0..<20).map { "s\($0)" }
        let metrics = RankingMetrics.score(
            track: .all, customers: [1], lists: [1: list], truth: [1: truth], history: nil,
            isInCatalog: { _ in true }, catalogCount: 100)
        #expect(metrics[20]!.recall == 1)
        #expect(abs(metrics[20]!.ndcg - 1) < 1e-12)
        #expect(metrics[10]!.recall == 1)
    }
}
