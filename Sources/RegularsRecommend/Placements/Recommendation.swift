import Foundation
import RegularsData

/// One recommended product as a page or an e-mail shows it: what, how strongly, from which model, and why.
public struct Recommendation: Sendable, Hashable, Codable {
    public var product: ProductIndex
    public var sku: SKU
    public var title: String
    public var price: Money?
    /// The blended score (see `PlacementRecipe`), times boosts and margin; comparable within one list only.
    public var score: Double
    /// The model that proposed it: `complements`, `similar`, `replenishment`, `next_step`, `popular`,
    /// `trending`, `history`, `new_arrivals`, `collaborative`, or `pinned`.
    public var model: String
    /// The plain-words reason (`ReasonBuilder`).
    public var reason: String
    /// The signal the reason was built from.
    public var signal: Reason
    /// The rules that changed this item: `pinned to slot 1`, `boosted ×1.5`.
    public var rules: [String]
    /// For e-mails, when the item fits best: a restock's due date or a next step's reach-out date.
    public var suggestedDate: Date?
    /// The calibrated probability that this customer buys it within 30 days, when the learned ranker scored it
    /// (known customers); `nil` for anonymous visitors and for products only other sources proposed.
    public var probability: Double?
}

/// The answer to one `RecommendationRequest`.
public struct RecommendationList: Sendable, Hashable, Codable {
    public var placement: Placement
    public var items: [Recommendation]
    /// Every rule that fired, in order, including products excluded or capped out of the list.
    public var events: [RuleEvent]
    /// Whether the customer's own history was used (`false` for anonymous and opted-out visitors).
    public var personalized: Bool
}
