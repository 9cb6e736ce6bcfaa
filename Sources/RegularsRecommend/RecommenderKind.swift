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
    /// The ranker with its four "same weeks last year" features: does seasonality help on this shop?
    case rankerLastYear = "ranker-last-year"

    /// Trains this recommender on the orders of `snapshot` before `asOf`. Lists that run short are filled with
    /// recent bestsellers, as the peers' were.
    public func train(on snapshot: Snapshot, asOf: Date, settings: CollaborativeRecommender.Settings = .init())
        -> any CustomerRecommender
    {
        let history = PurchaseHistory(snapshot: snapshot, asOf: asOf, halfLifeDays: settings.halfLifeDays)
        let trending = TrendingModel.train(on: history, settings: settings.trending)
        let base: any CustomerRecommender
        switch self {
        case .popular: return trending
        case .repeat: base = RepeatModel(history: history)
        case .itemknn: base = ItemKNNModel.train(on: history, settings: settings.itemKNN)
        case .ease:
            base = EASEModel.train(on: snapshot, asOf: asOf, settings: settings.ease)
        case .tifuknn: base = TIFUKNNModel.train(on: history, settings: settings.tifu)
        case .ranker: return CollaborativeRecommender.train(on: snapshot, asOf: asOf, settings: settings)
        case .rankerLastYear:
            var seasonal = settings
            seasonal.ranker.lastYearFeatures = true
            return CollaborativeRecommender.train(on: snapshot, asOf: asOf, settings: seasonal)
        }
        return FilledRecommender(base: base, fallback: trending)
    }
}
