import Foundation
import RegularsData

/// The recommenders `regulars evaluate --model NAME` can train; `ranker` is the default and the best.
public enum RecommenderKind: String, Sendable, Codable, CaseIterable {
    case popular
    case `repeat`
    case itemknn
    case ease
    case tifuknn
    case ranker

    /// Trains this recommender on the orders of `snapshot` before `asOf`. Lists that run short are filled with
    /// recent bestsellers, as the peers' were.
    public func train(on snapshot: Snapshot, asOf: Date, settings: CollaborativeRecommender.Settings = .init())
        -> any CustomerRecommender
    {
        let asOfSeconds = Int64(asOf.timeIntervalSince1970.rounded(.up))
        let history = PurchaseHistory(snapshot: snapshot, before: asOfSeconds, halfLifeDays: settings.halfLifeDays)
        let trending = TrendingModel.train(on: history, settings: settings.trending)
        let base: any CustomerRecommender
        switch self {
        case .popular: return trending
        case .repeat: base = RepeatModel(history: history)
        case .itemknn: base = ItemKNNModel.train(on: history, settings: settings.itemKNN)
        case .ease:
            let weighted = PurchaseHistory(
                snapshot: snapshot, before: asOfSeconds, halfLifeDays: settings.ease.halfLifeDays)
            base = EASEModel.train(on: weighted, settings: settings.ease)
        case .tifuknn: base = TIFUKNNModel.train(on: history, settings: settings.tifu)
        case .ranker: return CollaborativeRecommender.train(on: snapshot, asOf: asOf, settings: settings)
        }
        return FilledRecommender(base: base, fallback: trending)
    }
}

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
