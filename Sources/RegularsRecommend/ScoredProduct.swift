import RegularsData

/// A product with the score a recommender gave it; higher is better. Scores of different models are not comparable.
public struct ScoredProduct: Sendable, Hashable {
    public var product: ProductIndex
    public var score: Float

    public init(product: ProductIndex, score: Float) {
        self.product = product
        self.score = score
    }
}

/// Anything that ranks products for a known customer of the snapshot it was trained on.
public protocol CustomerRecommender: Sendable {
    /// The best `limit` products for `customer`, best first; with `excludeHistory` never a product the customer
    /// bought before the model's `asOf`.
    func recommend(customer: CustomerIndex, limit: Int, excludeHistory: Bool) -> [ScoredProduct]
}
