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
    @inline(__always) static func worse(_ a: ScoredProduct, _ b: ScoredProduct) -> Bool {
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
            heap.withUnsafeMutableBufferPointer { heap in
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard Self.worse(item, heap[parent]) else { break }
                    heap[child] = heap[parent]
                    child = parent
                }
                heap[child] = item
            }
        } else if Self.worse(heap[0], item) {
            // The hole left by the worst entry sinks to where the new one belongs (moves, not swaps).
            heap.withUnsafeMutableBufferPointer { heap in
                var parent = 0
                while true {
                    let left = 2 * parent + 1
                    guard left < heap.count else { break }
                    var smallest = left
                    if left + 1 < heap.count, Self.worse(heap[left + 1], heap[left]) { smallest = left + 1 }
                    guard Self.worse(heap[smallest], item) else { break }
                    heap[parent] = heap[smallest]
                    parent = smallest
                }
                heap[parent] = item
            }
        }
    }

    /// Best first.
    func sorted() -> [ScoredProduct] { heap.sorted { Self.worse($1, $0) } }

    /// The best `limit` of `items`, best first: the list that offering each of them to `TopK(limit: limit)` and
    /// taking `sorted()` gives, when their products are distinct and no score is NaN. A selection (Wirth's, O(n)
    /// on average) brings the best `limit` to the front, and only those are sorted; offering costs
    /// O(n · log limit), which is what the ranker's lists paid, keeping a few hundred of a few thousand. Both work on
    /// one integer per entry whose order is the list's, so every comparison is a single one.
    static func best(of items: [ScoredProduct], limit: Int) -> [ScoredProduct] {
        let count = min(max(0, limit), items.count)
        guard count > 0 else { return [] }
        var keys = items.map(Self.key)
        keys.withUnsafeMutableBufferPointer { keys in
            // After this, keys[0..<count] are the best `count`: keys[count - 1] is in its sorted place with nothing
            // worse before it and nothing better after it.
            let k = count - 1
            var low = 0, high = keys.count - 1
            while low < high {
                let pivot = keys[k]
                var i = low, j = high
                repeat {
                    while keys[i] < pivot { i += 1 }
                    while pivot < keys[j] { j -= 1 }
                    if i <= j {
                        keys.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                } while i <= j
                if j < k { low = i }
                if k < i { high = j }
            }
            keys[..<count].sort()
        }
        return keys[..<count].map(Self.entry)
    }

    /// Smaller is better: the score, higher first, then the product, lower first.
    @inline(__always) static func key(_ entry: ScoredProduct) -> UInt64 {
        UInt64(descending(entry.score)) << 32 | UInt64(UInt32(bitPattern: entry.product))
    }

    /// The score's bits turned so that unsigned order is descending score order (0 and -0 alike; not NaN).
    @inline(__always) static func descending(_ score: Float) -> UInt32 {
        let bits = (score + 0).bitPattern
        return ~(bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000)
    }

    @inline(__always) private static func entry(_ key: UInt64) -> ScoredProduct {
        let ascending = ~UInt32(truncatingIfNeeded: key >> 32)
        let bits = ascending & 0x8000_0000 != 0 ? ascending & 0x7FFF_FFFF : ~ascending
        return ScoredProduct(
            product: Int32(bitPattern: UInt32(truncatingIfNeeded: key)), score: Float(bitPattern: bits))
    }
}
