import Foundation
import RegularsData

/// Item-based k-nearest neighbours: cosine similarity between products' buyer vectors, shrunk towards 0 for
/// rarely bought pairs (Sarwar et al. 2001; shrinkage as in Koren 2008):
/// `sim(i, j) = G[i][j] / (√(G[i][i] · G[j][j]) + shrinkage)`, each product keeping its `neighbours` most similar.
/// A product is its own nearest neighbour (as in implicit), so own products score too. A customer's score for `j`
/// is `Σ_i x_i · sim(i, j)` over the products `i` they bought.
public struct ItemKNNModel: Sendable {
    public struct Settings: Sendable, Codable, Equatable {
        public var neighbours = 100
        public var shrinkage: Float = 10
        public var maxItems = 15_000
        public var halfLifeDays: Double? = nil
        public init() {}
    }

    public let settings: Settings
    public let history: PurchaseHistory
    /// For each product, its neighbours (product, similarity), best first; CSR.
    let neighbourStart: [Int32]
    let neighbourProduct: [ProductIndex]
    let neighbourSimilarity: [Float]

    public static func train(on snapshot: Snapshot, asOf: Date, settings: Settings = .init()) -> Self {
        train(
            on: PurchaseHistory(snapshot: snapshot, asOf: asOf, halfLifeDays: settings.halfLifeDays), settings: settings
        )
    }

    public static func train(on history: PurchaseHistory, settings: Settings = .init()) -> Self {
        let chosen = ItemGram.mostBought(in: history, maxItems: settings.maxItems)
        let gram = ItemGram(history: history, products: chosen)
        let n = gram.count
        var start = [Int32](repeating: 0, count: history.productCount + 1)
        var rows = [[ScoredProduct]](repeating: [], count: n)
        rows.withUnsafeMutableBufferPointer { rows in
            let rows = UnsafeMutableSendablePointer(rows.baseAddress!)
            gram.values.withUnsafeBufferPointer { g in
                Parallel.forEach(n) { i in
                    var best = TopK(limit: settings.neighbours)
                    let gii = g[i * n + i]
                    for j in 0..<n where g[i * n + j] > 0 {
                        let s = g[i * n + j] / ((gii * g[j * n + j]).squareRoot() + settings.shrinkage)
                        best.offer(chosen[j], s)
                    }
                    rows.pointer[i] = best.sorted()
                }
            }
        }
        var product: [ProductIndex] = []
        var similarity: [Float] = []
        for k in 0..<n { start[Int(chosen[k]) + 1] = Int32(rows[k].count) }
        for i in 0..<history.productCount { start[i + 1] += start[i] }
        for p in 0..<history.productCount {
            let k = gram.local[p]
            guard k >= 0 else { continue }
            for entry in rows[Int(k)] {
                product.append(entry.product)
                similarity.append(entry.score)
            }
        }
        return ItemKNNModel(
            settings: settings, history: history, neighbourStart: start, neighbourProduct: product,
            neighbourSimilarity: similarity)
    }

    /// Neighbours of one product, best first.
    public func neighbours(of product: ProductIndex) -> [ScoredProduct] {
        (Int(neighbourStart[Int(product)])..<Int(neighbourStart[Int(product) + 1])).map {
            ScoredProduct(product: neighbourProduct[$0], score: neighbourSimilarity[$0])
        }
    }

    /// Scores of every product for `customer`, dense (0: no neighbour of anything they bought).
    public func scores(customer: CustomerIndex) -> [Float] {
        var out = [Float](repeating: 0, count: history.productCount)
        for at in history.row(customer) {
            let i = Int(history.items[at])
            let x = history.weight[at]
            for n in Int(neighbourStart[i])..<Int(neighbourStart[i + 1]) {
                out[Int(neighbourProduct[n])] += x * neighbourSimilarity[n]
            }
        }
        return out
    }
}

extension ItemKNNModel: CustomerRecommender {
    public func recommend(customer: CustomerIndex, limit: Int, excludeHistory: Bool) -> [ScoredProduct] {
        var scores = scores(customer: customer)
        for p in scores.indices where scores[p] == 0 { scores[p] = -.infinity }
        if excludeHistory { for at in history.row(customer) { scores[Int(history.items[at])] = -.infinity } }
        return scores.withUnsafeBufferPointer { [ScoredProduct].top(of: $0, limit: limit) }
    }
}
