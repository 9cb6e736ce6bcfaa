import Foundation
import RegularsData
import RegularsRecommend

/// What `GET /v1/recommendations` asks for, after its query was read and checked.
public struct RecommendationQuery: Sendable, Hashable {
    /// A placement name (`home`, `product`, `cart`, `checkout`, `email.post_purchase`, …).
    public var placement: String
    public var customer: CustomerID?
    public var product: SKU?
    public var cart: [SKU]
    /// SKUs viewed in this session, oldest first.
    public var session: [SKU]
    /// Where the visitor came from (`utm_source`).
    public var source: String?
    public var limit: Int
    /// Leave out what the customer already bought (`exclude_owned=true`).
    public var excludeOwned = false
    /// The page's kind and topic (`page_type`, `topic`).
    public var pageType: PageType?
    public var topic: String?
    public var asOf: Date
    /// Compute afresh rather than answer from the cache (`Cache-Control: no-cache` on the request).
    public var fresh = false
    /// The visitor's first-party session (`session_id`), for experiments randomized by session.
    public var sessionID: String?
    /// The experiment arm this visitor is in, when the placement runs one (`ExperimentDirectory`).
    public var assignment: ExperimentDirectory.Assignment?
    /// What the customer told the shop they like (`ModelRegistry` fills it for a personalized request).
    public var stated: StatedPreferences?
}

/// Answers recommendation requests. The real one is `ModelRegistry` (the placements engine over the latest
/// trained model set); `NoModels` answers 503 until a model set exists.
public protocol RecommendationSource: Sendable {
    func recommend(_ query: RecommendationQuery) async throws -> RecommendationsResponse
}

/// The response of `GET /v1/recommendations`, written by `json()` (RecommendationsResponse+JSON.swift).
public struct RecommendationsResponse: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var sku: SKU
        public var title: String
        /// In the shop's currency, as a decimal number; `nil` when the catalog has no price.
        public var price: Double?
        /// The product's handle (its URL path on the shop), when the catalog has one.
        public var urlOrHandle: String?
        /// An image URL, when known (the catalog has no images yet: always `nil` for now).
        public var image: String?
        /// One sentence in plain words: why this product.
        public var reason: String
        /// The model that proposed it (`complements`, `popular`, …).
        public var model: String
        /// P(this customer buys it within 30 days), calibrated, when the learned ranker scored it.
        public var probability: Double?
        /// Sent back in `rec_impression`/`rec_click` events to attribute them.
        public var recommendationID: String
    }

    public var placement: String
    /// The model set version that answered.
    public var modelVersion: Int
    /// Whether the customer's own history was used (`false` for anonymous and opted-out visitors).
    public var personalized: Bool
    public var items: [Item]
    /// The experiment and arm that chose this list, echoed by the widget in its events.
    public var experiment: String?
    public var arm: String?
}

/// The source before the first `regulars train`: every request is a 503 that says what to do.
public struct NoModels: RecommendationSource {
    public init() {}
    public func recommend(_ query: RecommendationQuery) async throws -> RecommendationsResponse {
        throw APIError(.serviceUnavailable, "no models trained yet; run `regulars train`")
    }
}
