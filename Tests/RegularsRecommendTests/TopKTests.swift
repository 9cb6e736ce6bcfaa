import RegularsData
import Testing

@testable import RegularsRecommend

@Suite("Top-k lists")
struct TopKTests {
    /// Scores 3, 1, 3, 2 on products 7, 4, 2, 9: best first is (2, 3) before (7, 3) by the lower index, then (9, 2).
    @Test("the best of a small list, ties by the lower product index")
    func knownAnswer() {
        let items = [
            ScoredProduct(product: 7, score: 3), ScoredProduct(product: 4, score: 1),
            ScoredProduct(product: 2, score: 3), ScoredProduct(product: 9, score: 2),
        ]
        #expect(TopK.best(of: items, limit: 3).map(\.product) == [2, 7, 9])
        #expect(TopK.best(of: items, limit: 0).isEmpty)
        #expect(TopK.best(of: items, limit: 10).map(\.product) == [2, 7, 9, 4])
    }

    /// The selection must give exactly the heap's list, whatever the length, the limit and the ties (scores drawn
    /// from a few values, so most entries tie with many others).
    @Test("selecting gives what offering to the heap gives", arguments: [1, 2, 7, 300, 2_000])
    func selectionMatchesHeap(count: Int) {
        var random = SeededRandom(seed: UInt64(count))
        for round in 0..<20 {
            let products = (0..<Int32(count * 2)).shuffled(using: &random).prefix(count)
            let distinctScores = round % 2 == 0 ? 5 : 1_000
            let items = products.map {
                ScoredProduct(product: $0, score: Float(random.next() % UInt64(distinctScores)) - 2)
            }
            for limit in [0, 1, count / 3, count - 1, count, count + 5] where limit >= 0 {
                var heap = TopK(limit: limit)
                for item in items { heap.offer(item.product, item.score) }
                #expect(TopK.best(of: items, limit: limit) == heap.sorted(), "count \(count), limit \(limit)")
            }
        }
    }
}
