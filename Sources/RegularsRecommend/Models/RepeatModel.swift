import RegularsData

/// The customer's own products again, most often bought first, then most recent; the "repeat" baseline.
public struct RepeatModel: Sendable, CustomerRecommender {
    public let history: PurchaseHistory
    public init(history: PurchaseHistory) { self.history = history }

    public func recommend(customer: CustomerIndex, limit: Int, excludeHistory: Bool) -> [ScoredProduct] {
        guard !excludeHistory else { return [] }
        let row = history.row(customer).sorted {
            let a = history.orderCounts[$0], b = history.orderCounts[$1]
            if a != b { return a > b }
            if history.lastTime[$0] != history.lastTime[$1] { return history.lastTime[$0] > history.lastTime[$1] }
            return history.items[$0] < history.items[$1]
        }
        return row.prefix(limit).map {
            ScoredProduct(product: history.items[$0], score: Float(history.orderCounts[$0]))
        }
    }
}
