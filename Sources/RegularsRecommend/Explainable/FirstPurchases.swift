import RegularsData

/// Each customer's first purchase of each product before a cutoff, oldest first, with the transpose from
/// product to entries. Training-time only (`NextStepModel`).
///
/// Entries of customer `c`: `start[c] ..< start[c + 1]` in `product`, `time` and `owner`; the entries of
/// product `p`: `entry[productStart[p] ..< productStart[p + 1]]`. A product appears once per customer, so
/// walking a customer's entries visits distinct products without a "seen" check.
struct FirstPurchases {
    let start: [Int32]
    let product: [ProductIndex]
    /// Seconds since 1970.
    let time: [Int64]
    let owner: [CustomerIndex]
    let productStart: [Int32]
    let entry: [Int32]

    init(_ snapshot: Snapshot, before now: Int64) {
        let productCount = snapshot.productCount
        var start: [Int32] = [0]
        var product: [ProductIndex] = []
        var time: [Int64] = []
        var owner: [CustomerIndex] = []
        start.reserveCapacity(snapshot.customerCount + 1)
        var seen = [Int32](repeating: -1, count: productCount)
        var perProduct = [Int32](repeating: 0, count: productCount + 1)
        for customer in 0..<Int32(snapshot.customerCount) {
            // Lines come oldest first, so the first sighting of a product is its first purchase.
            for line in snapshot.lines(ofCustomer: customer) {
                let t = snapshot.lineTime(line)
                guard t < now else { break }
                let p = snapshot.lineProduct[line]
                guard seen[Int(p)] != customer else { continue }
                seen[Int(p)] = customer
                product.append(p)
                time.append(t)
                owner.append(customer)
                perProduct[Int(p) + 1] += 1
            }
            start.append(Int32(product.count))
        }
        for p in 0..<productCount { perProduct[p + 1] += perProduct[p] }
        var cursor = Array(perProduct.dropLast())
        var entry = [Int32](repeating: 0, count: product.count)
        for (k, p) in product.enumerated() {
            entry[Int(cursor[Int(p)])] = Int32(k)
            cursor[Int(p)] += 1
        }
        self.start = start
        self.product = product
        self.time = time
        self.owner = owner
        self.productStart = perProduct
        self.entry = entry
    }

    /// Calls `body(b, lagSeconds)` for every product `b` first bought `minimumLag`…`maximumLag` after a
    /// customer's first purchase of `product`, once per customer and product; returns how many customers first
    /// bought `product` at least `minimumLag` before `now` (those who could have taken a step).
    @inline(__always)
    func forEachFollower(
        of product: Int, before now: Int64, minimumLag: Int64, maximumLag: Int64, _ body: (Int, Int64) -> Void
    ) -> Int {
        var anchors = 0
        for position in entries(of: product) {
            let k = Int(entry[position])
            let anchorTime = time[k]
            guard now - anchorTime >= minimumLag else { continue }
            anchors += 1
            let end = Int(start[Int(owner[k]) + 1])
            var next = firstIndex(in: (k + 1)..<end, notBefore: anchorTime + minimumLag)
            while next < end {
                let lag = time[next] - anchorTime
                guard lag <= maximumLag else { break }
                body(Int(self.product[next]), lag)
                next += 1
            }
        }
        return anchors
    }

    /// Positions in `entry` of the first purchases of `product`.
    func entries(of product: Int) -> Range<Int> { Int(productStart[product])..<Int(productStart[product + 1]) }

    /// The first position in `range` whose time is at least `time` (entries are sorted by time).
    func firstIndex(in range: Range<Int>, notBefore time: Int64) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if self.time[middle] < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
