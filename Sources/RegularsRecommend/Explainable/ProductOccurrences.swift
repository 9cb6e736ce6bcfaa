import RegularsData

/// For each product, the orders that contain it, as compressed sparse rows: the orders of product `p` are
/// `order[start[p] ..< start[p + 1]]`, each once, in snapshot order (by customer, then time).
///
/// A training-time inverted index: it lets a model walk one product's buyers and fill one dense row of
/// co-occurrence counts at a time, which keeps the item-to-item models at O(pairs) with no hashing.
struct ProductOccurrences {
    let start: [Int32]
    let order: [Int32]

    init(_ snapshot: Snapshot) {
        let productCount = snapshot.productCount
        var counts = [Int32](repeating: 0, count: productCount + 1)
        // A product listed twice in one order counts once: remember the last order that counted it.
        var lastOrder = [Int32](repeating: -1, count: productCount)
        for line in 0..<snapshot.lineCount {
            let p = Int(snapshot.lineProduct[line])
            let o = snapshot.lineOrder[line]
            if lastOrder[p] != o {
                lastOrder[p] = o
                counts[p + 1] += 1
            }
        }
        for p in 0..<productCount { counts[p + 1] += counts[p] }
        var cursor = Array(counts.dropLast())
        var order = [Int32](repeating: 0, count: Int(counts[productCount]))
        for p in 0..<productCount { lastOrder[p] = -1 }
        // Lines are laid out order by order, so every product's list comes out in snapshot order.
        for line in 0..<snapshot.lineCount {
            let p = Int(snapshot.lineProduct[line])
            let o = snapshot.lineOrder[line]
            if lastOrder[p] != o {
                lastOrder[p] = o
                order[Int(cursor[p])] = o
                cursor[p] += 1
            }
        }
        self.start = counts
        self.order = order
    }

    /// Positions in `order` of the orders containing `product`.
    @inline(__always) func orders(of product: Int) -> Range<Int> { Int(start[product])..<Int(start[product + 1]) }
}
