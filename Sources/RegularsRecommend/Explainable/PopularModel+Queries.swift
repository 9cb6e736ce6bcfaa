import RegularsData

extension PopularModel {
    /// The `limit` most popular products, overall or in one category, best first.
    ///
    /// Scores are recency-weighted distinct buyers. O(limit + excluded) for the list walk.
    /// - Parameters:
    ///   - category: an index into `Snapshot.categories`; `nil` for every product.
    ///   - excluding: products never returned (the basket, products out of stock).
    public func top(limit: Int, category: Int32? = nil, excluding: Set<ProductIndex> = []) -> [ExplainedScore] {
        let list: ArraySlice<ProductIndex>
        if let category {
            guard category >= 0, Int(category) < categoryStart.count - 2 else { return [] }
            list = popularByCategory[Int(categoryStart[Int(category)])..<Int(categoryStart[Int(category) + 1])]
        } else {
            list = popular[...]
        }
        var out: [ExplainedScore] = []
        // Stops at `limit`: the whole catalog is the list without a category.
        for product in list where !excluding.contains(product) {
            if out.count >= limit { break }
            out.append(
                ExplainedScore(product: product, score: score[Int(product)], evidence: .popular(category: category)))
        }
        return out
    }

    /// The `limit` products whose buying rate rose most, overall or in one category, best first.
    ///
    /// Scores are the smoothed trend ratio (2: bought twice as fast lately as before). Only products with at
    /// least `minimumRecentBuyers` recent buyers and a ratio above 1 qualify, so the list may run short.
    public func trending(limit: Int, category: Int32? = nil, excluding: Set<ProductIndex> = []) -> [ExplainedScore] {
        var out: [ExplainedScore] = []
        for product in trendingProducts where !excluding.contains(product) {
            if out.count >= limit { break }
            if let category, productCategory[Int(product)] != category { continue }
            out.append(
                ExplainedScore(product: product, score: trend[Int(product)], evidence: .trending(category: category)))
        }
        return out
    }
}
