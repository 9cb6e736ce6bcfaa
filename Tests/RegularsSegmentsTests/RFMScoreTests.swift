import Foundation
import Testing

@testable import RegularsSegments

@Suite("RFM scores")
struct RFMScoreTests {
    @Test("ten distinct values fall two to a quintile")
    func quintiles() {
        #expect(RFMScore.quintiles((1...10).map(Double.init)) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect(RFMScore.quintiles([5, 1, 3, 2, 4]) == [5, 1, 3, 2, 4])
    }

    @Test("ties share the lower score, so most one-order customers score 1")
    func ties() {
        #expect(RFMScore.quintiles([1, 1, 1, 1, 1, 1, 2, 2, 3, 9]) == [1, 1, 1, 1, 1, 1, 4, 4, 5, 5])
        #expect(RFMScore.quintiles([7]) == [1])
    }

    @Test("recent, frequent, big spenders score 555 and the opposite 111")
    func shopScores() {
        var shop = TestShop()
        for i in 0..<5 {
            for k in 0...i { shop.order("c\(i)", daysAgo: 100 - 20 * i + k, total: Double(10 + 10 * i)) }
        }
        let snapshot = shop.snapshot()
        let activity = LifecycleSegmenter.activities(snapshot, asOf: shop.asOf, definitions: .init())
        let scores = RFMScore.scores(activity)
        #expect(scores.first??.description == "111")
        #expect(scores.last??.description == "555")
    }
}
