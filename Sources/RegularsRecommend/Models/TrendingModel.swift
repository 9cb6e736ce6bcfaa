import Foundation
import RegularsData

/// Recency-weighted bestsellers: each product's distinct buyers, each buyer counted
/// `0.5 ^ (days since their last purchase of it / halfLifeDays)`, only within the last `windowDays`.
///
/// Non-personal; the fallback for lists that run short and one of the ranker's candidate sources. The same count as
/// `PopularModel`'s bestsellers (`RecencyWeightedBuyers`) over a shorter window, on the ranker's training cut-offs.
public struct TrendingModel: Sendable {
    public struct Settings: Sendable, Codable, Equatable {
        public var windowDays = 90.0
        public var halfLifeDays = 30.0
        public init() {}
    }

    public let settings: Settings
    public let history: PurchaseHistory
    /// Score per product (0: not bought in the window).
    public let scores: [Float]
    /// Products with a score, best first.
    public let ranking: [ScoredProduct]

    public static func train(on history: PurchaseHistory, settings: Settings = .init()) -> Self {
        let scores = RecencyWeightedBuyers(
            history.snapshot, before: history.asOf, halfLifeDays: settings.halfLifeDays,
            windowDays: settings.windowDays
        ).count
        var ranking = scores.enumerated().filter { $0.element > 0 }.map {
            ScoredProduct(product: ProductIndex($0.offset), score: $0.element)
        }
        ranking.sort { $0.score != $1.score ? $0.score > $1.score : $0.product < $1.product }
        return TrendingModel(settings: settings, history: history, scores: scores, ranking: ranking)
    }
}

extension TrendingModel: CustomerRecommender {
    public func recommend(customer: CustomerIndex, limit: Int, excludeHistory: Bool) -> [ScoredProduct] {
        var out: [ScoredProduct] = []
        for entry in ranking where out.count < limit {
            if excludeHistory, history.contains(customer: customer, product: entry.product) { continue }
            out.append(entry)
        }
        return out
    }
}
