import Foundation
import RegularsData

/// EASE: a linear item-to-item model with a closed form (Steck 2019, "Embarrassingly Shallow Autoencoders").
///
/// With the Gram matrix `G = XᵀX` of the recency-weighted interactions and `P = (G + λI)⁻¹`, the weights are
/// `B = I − P · diagMat(1 ⊘ diag(P))` (eq. 8): `B[i][j] = −P[i][j] / P[j][j]`, `B[j][j] = 0`. A customer's scores
/// are `x · B`. Dense over the `maxItems` most-bought products only (4·n² bytes, O(n³) to invert); other
/// products get no score.
public struct EASEModel: Sendable {
    public struct Settings: Sendable, Codable, Equatable {
        /// Ridge strength λ, in units of the Gram matrix (weighted order counts). Chosen on the validation split
        /// of online-retail (flat between 50 and 500).
        public var lambda: Float = 150
        /// Only the most-bought products get a row and column: 4·n² bytes and O(n³) time. On the validation split
        /// 2,000 scored as well as all 3,600 alone and better inside the ranker (less noise among rare products).
        public var maxItems = 2_000
        /// Half-life of an order's weight, days; `nil`: every order counts 1. 30 days beat all history by 20 %
        /// on the new-products track of the validation split.
        public var halfLifeDays: Double? = 30
        public init() {}
    }

    public let settings: Settings
    public let history: PurchaseHistory
    /// Products the model covers; local index `k` is `products[k]`.
    let products: [ProductIndex]
    let local: [Int32]
    /// `B`, row-major, `products.count`².
    let weights: [Float]

    public static func train(on snapshot: Snapshot, asOf: Date, settings: Settings = .init()) -> Self {
        train(
            on: PurchaseHistory(snapshot: snapshot, asOf: asOf, halfLifeDays: settings.halfLifeDays), settings: settings
        )
    }

    /// Trains on an existing history (its half-life wins over `settings.halfLifeDays`).
    public static func train(on history: PurchaseHistory, settings: Settings = .init()) -> Self {
        let chosen = ItemGram.mostBought(in: history, maxItems: settings.maxItems)
        var gram = ItemGram(history: history, products: chosen)
        let n = gram.count
        for k in 0..<n { gram.values[k * n + k] += settings.lambda }
        var p = gram.values
        gram.values = []
        let inverted = SymmetricInverse.invert(&p, n: n)
        precondition(inverted, "G + λI is positive definite for λ > 0")
        p.withUnsafeMutableBufferPointer { b in
            var scale = [Float](repeating: 0, count: n)
            for j in 0..<n { scale[j] = -1 / b[j * n + j] }
            for i in 0..<n {
                let row = i * n
                for j in 0..<n { b[row + j] *= scale[j] }
                b[row + i] = 0
            }
        }
        return EASEModel(settings: settings, history: history, products: chosen, local: gram.local, weights: p)
    }

    /// The weight `B[i][j]` between two covered products (0 when either is not covered).
    public func weight(from i: ProductIndex, to j: ProductIndex) -> Float {
        let a = local[Int(i)], b = local[Int(j)]
        guard a >= 0, b >= 0 else { return 0 }
        return weights[Int(a) * products.count + Int(b)]
    }

    /// Scores of every product for `customer` (`x · B`), dense over the snapshot's products; uncovered ones get
    /// `-infinity`.
    public func scores(customer: CustomerIndex) -> [Float] {
        let local = coveredScores(customer: customer)
        var out = [Float](repeating: -.infinity, count: history.productCount)
        for k in local.indices { out[Int(products[k])] = local[k] }
        return out
    }

    /// `x · B` over the covered products only, by local index (`products[k]` is product `k`'s index).
    func coveredScores(customer: CustomerIndex) -> [Float] {
        let n = products.count
        var local = [Float](repeating: 0, count: n)
        local.withUnsafeMutableBufferPointer { acc in
            weights.withUnsafeBufferPointer { b in
                for at in history.row(customer) {
                    let k = self.local[Int(history.items[at])]
                    guard k >= 0 else { continue }
                    let x = history.weight[at]
                    let row = b.baseAddress! + Int(k) * n
                    for j in 0..<n { acc[j] += x * row[j] }
                }
            }
        }
        return local
    }
}

extension EASEModel: CustomerRecommender {
    public func recommend(customer: CustomerIndex, limit: Int, excludeHistory: Bool) -> [ScoredProduct] {
        var scores = scores(customer: customer)
        if excludeHistory { for at in history.row(customer) { scores[Int(history.items[at])] = -.infinity } }
        return scores.withUnsafeBufferPointer { [ScoredProduct].top(of: $0, limit: limit) }
    }
}
