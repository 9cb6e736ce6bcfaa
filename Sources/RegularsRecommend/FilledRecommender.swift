import RegularsData

/// A recommender whose short lists are topped up from a fallback, skipping duplicates (and, with
/// `excludeHistory`, the customer's own products, which the fallback already skips).
public struct FilledRecommender: CustomerRecommender {
    public let base: any CustomerRecommender
    public let fallback: any CustomerRecommender

    public init(base: any CustomerRecommender, fallback: any CustomerRecommender) {
        self.base = base
        self.fallback = fallback
    }

    public func recommend(customer: CustomerIndex, limit: Int, excludeHistory: Bool) -> [ScoredProduct] {
        var list = base.recommend(customer: customer, limit: limit, excludeHistory: excludeHistory)
        guard list.count < limit else { return list }
        var seen = Set(list.map(\.product))
        let floor = (list.last?.score ?? 0)
        for entry in fallback.recommend(customer: customer, limit: limit + list.count, excludeHistory: excludeHistory)
        where list.count < limit && !seen.contains(entry.product) {
            seen.insert(entry.product)
            list.append(ScoredProduct(product: entry.product, score: min(floor, 0) - 1 - Float(list.count)))
        }
        return list
    }
}
