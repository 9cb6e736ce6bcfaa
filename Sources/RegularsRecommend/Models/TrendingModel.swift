import Foundation
import RegularsData

/// Recency-weighted bestsellers: each product's distinct buyers, each buyer counted
/// `0.5 ^ (days since their last purchase of it / halfLifeDays)`, only within the last `windowDays`.
///
/// Non-personal; the fallback for lists that run short and one of the ranker's candidate sources. (Named apart
/// from the plainer `PopularModel` of the home placement.)
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
        var scores = [Float](repeating: 0, count: history.productCount)
        let window = DayNumber.seconds(Double(settings.windowDays))
        for at in history.items.indices {
            let age = history.asOf - history.lastTime[at]
            guard age <= window else { continue }
            scores[Int(history.items[at])] += Float(pow(0.5, Double(age) / (settings.halfLifeDays * DayNumber.interval)))
        }
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
