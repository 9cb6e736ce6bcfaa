import Foundation
import RegularsData

/// The personal recommender for the whole purchase history: candidates from TIFU-KNN, EASE, the customer's own
/// products and recent bestsellers, ordered by a learned ranker (`RankerModel`).
///
/// `train` fits the ranker on the last three 30-day windows before `asOf` (`RankerModel`) and then the candidate
/// models on every order before `asOf`; `recommend` builds and scores one customer's candidates (about a
/// millisecond at 3,600 products). `excludeHistory: true` gives the list of products the customer never bought
/// (the protocol's `new` track). Lists that run short are filled with recent bestsellers.
///
/// On online-retail (PEERS.md split) it reaches Recall@20 / NDCG@20 0.3838 / 0.3861 (`all`) and 0.1566 / 0.1426
/// (`new`), trained in about 2.3 s on two cores (with the explainable models beside it).
public struct CollaborativeRecommender: Sendable, CustomerRecommender {
    public struct Settings: Sendable, Codable, Equatable {
        /// Half-life of an order's weight in the interactions, days; `nil`: every order counts 1.
        public var halfLifeDays: Double? = nil
        public var trending = TrendingModel.Settings()
        public var itemKNN = ItemKNNModel.Settings()
        public var ease = EASEModel.Settings()
        public var tifu = TIFUKNNModel.Settings()
        public var candidates = RankerCandidates()
        public var ranker = RankerModel.Settings()
        public init() {}
    }

    public let settings: Settings
    let context: RankerContext
    public let ranker: RankerModel
    /// Scratches that requests lend each other: a fresh one is seven arrays over the catalog (2.8 MB zeroed per
    /// request at 100,000 products, more than the customer's candidates cost).
    let scratches = RankerScratchPool()

    /// The serving candidates are fitted while the ranker trains on the earlier windows (neither needs the other),
    /// at the lowest priority: they are needed only at the end, so they take the cores the trees leave idle.
    public static func train(on snapshot: Snapshot, asOf: Date, settings: Settings = .init()) -> Self {
        let end = DayNumber.exclusiveEndSeconds(asOf)
        let (ranker, context) = Parallel.both(
            { RankerModel.train(on: snapshot, asOf: end, settings: settings) }, whileIdle: true,
            { RankerContext(snapshot: snapshot, before: end, settings: settings) })
        return CollaborativeRecommender(settings: settings, context: context, ranker: ranker)
    }

    /// A trained ranker over candidate models fitted on `snapshot`'s orders before `asOf`. Fitting them is
    /// deterministic, so a saved model set keeps only the ranker's trees and refits the candidates on load.
    public init(snapshot: Snapshot, asOf: Date, settings: Settings, ranker: RankerModel) {
        self.init(
            settings: settings,
            context: RankerContext(
                snapshot: snapshot, before: DayNumber.exclusiveEndSeconds(asOf), settings: settings),
            ranker: ranker)
    }

    init(settings: Settings, context: RankerContext, ranker: RankerModel) {
        self.settings = settings
        self.context = context
        self.ranker = ranker
    }

    /// The customer's best `limit` products. A ranked product's score is the calibrated probability that the
    /// customer buys it in the next 30 days (0 … 1); products topped up from recent bestsellers, when the candidates
    /// run short, follow with negative scores: the ranker did not score them.
    public func recommend(customer: CustomerIndex, limit: Int, excludeHistory: Bool) -> [ScoredProduct] {
        best(
            of: scored(customer: customer, excludeHistory: excludeHistory), customer: customer, limit: limit,
            excludeHistory: excludeHistory)
    }

    /// Every candidate the ranker scores for the customer (without their own products with `excludeHistory`), in
    /// product order, scored by the calibrated probability of a purchase within 30 days.
    public func scored(customer: CustomerIndex, excludeHistory: Bool) -> [ScoredProduct] {
        var scratch = scratches.take() ?? context.makeScratch()
        defer { scratches.put(scratch) }
        let (products, owned, rows) = context.candidates(
            for: customer, includeOwn: !excludeHistory, scratch: &scratch)
        let scores = (excludeHistory ? ranker.new : ranker.all).scores(rows)
        return products.indices.compactMap { k in
            excludeHistory && owned[k]
                ? nil : ScoredProduct(product: products[k], score: ranker.probability(scores[k], new: excludeHistory))
        }
    }

    /// The best `limit` of `scored`, topped up as `recommend` says.
    public func best(
        of scored: [ScoredProduct], customer: CustomerIndex, limit: Int, excludeHistory: Bool
    ) -> [ScoredProduct] {
        var top = TopK(limit: limit)
        for entry in scored { top.offer(entry.product, entry.score) }
        var list = top.sorted()
        if list.count < limit {
            let fill = FilledRecommender(base: Fixed(list: list), fallback: context.trending)
            list = fill.recommend(customer: customer, limit: limit, excludeHistory: excludeHistory)
        }
        return list
    }

    /// Feature names with the `all` and `new` models' total split gain, most important first.
    public var featureImportance: [(name: String, all: Double, new: Double)] {
        let a = ranker.all.featureImportance, n = ranker.new.featureImportance
        return RankerContext.featureNames.enumerated().map { ($0.element, a[$0.offset], n[$0.offset]) }
            .sorted { $0.all + $0.new > $1.all + $1.new }
    }
}

/// A ready list as a recommender, for topping up.
private struct Fixed: CustomerRecommender {
    let list: [ScoredProduct]
    func recommend(customer: CustomerIndex, limit: Int, excludeHistory: Bool) -> [ScoredProduct] {
        Array(list.prefix(limit))
    }
}
