import RegularsData

extension Array where Element == ScoredProduct {
    /// The best `limit` of `scores` (dense, one per product), skipping `-infinity`, best first; ties by product index.
    static func top(of scores: UnsafeBufferPointer<Float>, limit: Int) -> [ScoredProduct] {
        var heap = TopK(limit: limit)
        for index in scores.indices where scores[index] > -.infinity {
            heap.offer(ProductIndex(index), scores[index])
        }
        return heap.sorted()
    }
}

/// Keeps the `limit` best (product, score) pairs seen so far in a min-heap, ties broken by the lower product index;
/// `offer` is O(log limit). The one top-N list of the package: model training (neighbours per row), queries and the
/// ranker's candidates.
struct TopK {
    let limit: Int
    private(set) var heap: [ScoredProduct] = []

    init(limit: Int) {
        self.limit = max(0, limit)
        heap.reserveCapacity(self.limit)
    }

    /// `a` ranks below `b`: lower score, or equal score and higher product index.
    @inline(__always) private static func worse(_ a: ScoredProduct, _ b: ScoredProduct) -> Bool {
        a.score < b.score || (a.score == b.score && a.product > b.product)
    }

    /// Would `(product, score)` enter the list? Lets a caller skip computing what would be thrown away.
    @inline(__always)
    func admits(_ product: ProductIndex, _ score: Float) -> Bool {
        guard limit > 0 else { return false }
        guard heap.count == limit, let worst = heap.first else { return true }
        return !(score < worst.score || (score == worst.score && product > worst.product))
    }

    @inline(__always)
    mutating func offer(_ product: ProductIndex, _ score: Float) {
        // Fast path: a full heap whose worst entry beats the offer.
        guard admits(product, score) else { return }
        insert(product, score)
    }

    private mutating func insert(_ product: ProductIndex, _ score: Float) {
        guard limit > 0 else { return }
        let item = ScoredProduct(product: product, score: score)
        if heap.count < limit {
            heap.append(item)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if Self.worse(heap[0], item) {
            heap[0] = item
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { break }
                var smallest = left
                if left + 1 < heap.count, Self.worse(heap[left + 1], heap[left]) { smallest = left + 1 }
                guard Self.worse(heap[smallest], heap[parent]) else { break }
                heap.swapAt(smallest, parent)
                parent = smallest
            }
        }
    }

    /// Best first.
    func sorted() -> [ScoredProduct] { heap.sorted { Self.worse($1, $0) } }
}
