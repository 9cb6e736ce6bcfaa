import Foundation
import RegularsData

/// TIFU-KNN: time-decayed personal item frequencies plus the customer's nearest neighbours
/// (Hu, Chen, Zhang & de Rijke, KDD 2020, "Modeling Personalized Item Frequency Information for Next-basket
/// Recommendation").
///
/// A customer's orders (baskets, distinct products) b₁…bₙ, oldest first, are split into ⌈n / groupSize⌉ groups of
/// near-equal size; basket `t` is weighted `withinDecay^(n − t)`, a group's vector is the mean of its baskets, and
/// the personal vector is `Σ_g groupDecay^(G − g) · group_g / G` (eqs. 1–3). The prediction is
/// `α · u + (1 − α) · mean of the k nearest customers' vectors` (eq. 4), neighbours by cosine similarity.
public struct TIFUKNNModel: Sendable {
    public struct Settings: Sendable, Codable, Equatable {
        public var groupSize = 7
        public var withinDecay: Float = 0.9
        public var groupDecay: Float = 0.7
        /// The paper's defaults except k (100 beat 300 on the validation split; the rest was flat).
        public var neighbours = 100
        public var alpha: Float = 0.7
        public init() {}
    }

    public let settings: Settings
    public let history: PurchaseHistory
    /// Personal vectors, CSR by customer, products sorted.
    let vectorStart: [Int32]
    let vectorProduct: [ProductIndex]
    let vectorValue: [Float]
    /// The personal vectors by product (inverted index) and their norms, for the neighbour search.
    let columnStart: [Int32]
    let columnCustomer: [CustomerIndex]
    let columnValue: [Float]
    let norm: [Float]

    public static func train(on snapshot: Snapshot, asOf: Date, settings: Settings = .init()) -> Self {
        train(on: PurchaseHistory(snapshot: snapshot, asOf: asOf), settings: settings)
    }

    public static func train(on history: PurchaseHistory, settings: Settings = .init()) -> Self {
        let (start, product, value) = personalVectors(history: history, settings: settings)
        let productCount = history.productCount, customerCount = history.customerCount
        var columnStart = [Int32](repeating: 0, count: productCount + 1)
        for p in product { columnStart[Int(p) + 1] += 1 }
        for i in 0..<productCount { columnStart[i + 1] += columnStart[i] }
        var cursor = Array(columnStart.dropLast())
        var columnCustomer = [CustomerIndex](repeating: 0, count: product.count)
        var columnValue = [Float](repeating: 0, count: product.count)
        var norm = [Float](repeating: 0, count: customerCount)
        for c in 0..<customerCount {
            for at in Int(start[c])..<Int(start[c + 1]) {
                let p = Int(product[at])
                columnCustomer[Int(cursor[p])] = CustomerIndex(c)
                columnValue[Int(cursor[p])] = value[at]
                cursor[p] += 1
                norm[c] += value[at] * value[at]
            }
            norm[c] = norm[c].squareRoot()
        }
        return TIFUKNNModel(
            settings: settings, history: history, vectorStart: start, vectorProduct: product, vectorValue: value,
            columnStart: columnStart, columnCustomer: columnCustomer, columnValue: columnValue, norm: norm)
    }

    /// The personal vectors of eqs. 1–3 for every customer.
    static func personalVectors(history: PurchaseHistory, settings: Settings)
        -> (start: [Int32], product: [ProductIndex], value: [Float])
    {
        let snapshot = history.snapshot
        var start = [Int32](repeating: 0, count: history.customerCount + 1)
        var product: [ProductIndex] = []
        var value: [Float] = []
        var dense = [Float](repeating: 0, count: history.productCount)
        var lastOrder = [Int32](repeating: -1, count: history.productCount)
        for customer in 0..<history.customerCount {
            let orders = history.orders(of: CustomerIndex(customer))
            let n = orders.count
            if n > 0 {
                let groupCount = (n + settings.groupSize - 1) / settings.groupSize
                for (t, order) in orders.enumerated() {
                    // Near-equal groups: basket t belongs to group ⌊t · G / n⌋.
                    let group = t * groupCount / n
                    let groupLow = (group * n + groupCount - 1) / groupCount
                    let groupHigh = ((group + 1) * n + groupCount - 1) / groupCount
                    let size = Float(groupHigh - groupLow)
                    let w =
                        pow(settings.withinDecay, Float(n - 1 - t))
                        * pow(settings.groupDecay, Float(groupCount - 1 - group)) / (size * Float(groupCount))
                    for line in snapshot.lines(of: order) {
                        let p = Int(snapshot.lineProduct[line])
                        if lastOrder[p] == Int32(order) { continue }
                        lastOrder[p] = Int32(order)
                        dense[p] += w
                    }
                }
                for at in history.row(CustomerIndex(customer)) {
                    let p = Int(history.items[at])
                    product.append(ProductIndex(p))
                    value.append(dense[p])
                    dense[p] = 0
                }
            }
            start[customer + 1] = Int32(product.count)
        }
        return (start, product, value)
    }

    /// The `settings.neighbours` customers most similar to `customer` (cosine of the personal vectors), best
    /// first, found through the inverted index when asked: only the customers being scored pay for it.
    public func neighbours(of customer: CustomerIndex) -> [ScoredProduct] {
        var scratch = NeighbourScratch(customerCount: history.customerCount)
        return neighbours(of: customer, scratch: &scratch)
    }

    /// `neighbours(of:)` in working arrays the caller keeps from one customer to the next (clean on entry and on
    /// return): a fresh similarity array per customer was 235 KB zeroed for each of a 58,000-customer shop's.
    func neighbours(of customer: CustomerIndex, scratch: inout NeighbourScratch) -> [ScoredProduct] {
        let c = Int(customer)
        guard norm[c] > 0 else { return [] }
        // The hot loop of serving and of training alike (every product of the customer, every other buyer of
        // it): unchecked reads, as the CSR arrays were built consistent.
        scratch.similarity.withUnsafeMutableBufferPointer { acc in
            columnCustomer.withUnsafeBufferPointer { columnCustomer in
                columnValue.withUnsafeBufferPointer { columnValue in
                    for at in Int(vectorStart[c])..<Int(vectorStart[c + 1]) {
                        let p = Int(vectorProduct[at])
                        let x = vectorValue[at]
                        for j in Int(columnStart[p])..<Int(columnStart[p + 1]) {
                            let other = Int(columnCustomer[j])
                            if acc[other] == 0 { scratch.touched.append(Int32(other)) }
                            acc[other] += x * columnValue[j]
                        }
                    }
                }
            }
        }
        var best = TopK(limit: settings.neighbours)
        for other in scratch.touched {
            let o = Int(other)
            if o != c, scratch.similarity[o] > 0 { best.offer(other, scratch.similarity[o] / (norm[c] * norm[o])) }
            scratch.similarity[o] = 0
        }
        scratch.touched.removeAll(keepingCapacity: true)
        // `ScoredProduct.product` carries the neighbour's customer index here.
        return best.sorted()
    }

    /// The TIFU-KNN scores of every product for `customer`, dense (0 for products nobody near bought).
    public func scores(customer: CustomerIndex) -> [Float] {
        var out = [Float](repeating: 0, count: history.productCount)
        var listed = [Bool](repeating: false, count: history.productCount)
        var touched: [ProductIndex] = []
        var neighbourScratch = NeighbourScratch(customerCount: history.customerCount)
        addScores(customer: customer, into: &out, listed: &listed, touched: &touched, neighbours: &neighbourScratch)
        return out
    }

    /// Adds `customer`'s scores into `scores` (dense, zero on entry) and appends to `touched` every product it
    /// writes, once each (`listed` marks them): the caller can then visit and reset only those, which is what lets
    /// one pair of arrays serve customer after customer on a large catalog.
    func addScores(
        customer: CustomerIndex, into scores: inout [Float], listed: inout [Bool], touched: inout [ProductIndex],
        neighbours scratch: inout NeighbourScratch
    ) {
        let c = Int(customer)
        let found = neighbours(of: customer, scratch: &scratch)
        scores.withUnsafeMutableBufferPointer { out in
            listed.withUnsafeMutableBufferPointer { listed in
                vectorProduct.withUnsafeBufferPointer { vectorProduct in
                    vectorValue.withUnsafeBufferPointer { vectorValue in
                        @inline(__always) func add(_ at: Int, _ weight: Float) {
                            let p = Int(vectorProduct[at])
                            if !listed[p] {
                                listed[p] = true
                                touched.append(ProductIndex(p))
                            }
                            out[p] += weight * vectorValue[at]
                        }
                        for at in Int(vectorStart[c])..<Int(vectorStart[c + 1]) { add(at, settings.alpha) }
                        guard !found.isEmpty else { return }
                        let share = (1 - settings.alpha) / Float(found.count)
                        for neighbour in found {
                            let other = Int(neighbour.product)
                            for at in Int(vectorStart[other])..<Int(vectorStart[other + 1]) { add(at, share) }
                        }
                    }
                }
            }
        }
    }
}

extension TIFUKNNModel: CustomerRecommender {
    public func recommend(customer: CustomerIndex, limit: Int, excludeHistory: Bool) -> [ScoredProduct] {
        var scores = scores(customer: customer)
        for p in scores.indices where scores[p] == 0 { scores[p] = -.infinity }
        if excludeHistory { for at in history.row(customer) { scores[Int(history.items[at])] = -.infinity } }
        return scores.withUnsafeBufferPointer { [ScoredProduct].top(of: $0, limit: limit) }
    }
}

/// The per-customer working arrays of `TIFUKNNModel.neighbours`: zero similarities and no touched customer
/// between calls, since each call resets exactly the entries it wrote.
struct NeighbourScratch {
    var similarity: [Float]
    var touched: [Int32] = []

    init(customerCount: Int) { similarity = [Float](repeating: 0, count: customerCount) }
}
