import Foundation
import RegularsData

/// A product one of the explainable models proposes, with the evidence the reasons layer turns into words.
///
/// Scores are comparable within one model's answer only. `anchor` is the product that produced the
/// proposal (the one bought before, or the basket item it goes with), when there is one; it is repeated in
/// `evidence` so that a reason can be built from the evidence alone.
public struct ExplainedScore: Sendable, Hashable, Codable {
    /// Why a product was proposed: an explicit signal only, never an inferred private fact.
    public enum Evidence: Sendable, Hashable, Codable {
        /// A recency-weighted bestseller, overall (`category == nil`) or in one category (index into
        /// `Snapshot.categories`).
        case popular(category: Int32?)
        /// Selling faster in the last days than over the longer window before them ("trending").
        case trending(category: Int32?)
        /// The customer buys this again about every `everyDays` days; `dueInDays` is negative when overdue.
        case due(everyDays: Float, dueInDays: Float)
        /// Often bought together with (or within days after) `anchor`.
        case boughtTogether(anchor: ProductIndex)
        /// Customers who bought `after` went on to buy this, typically `medianLagDays` days later.
        case nextStep(after: ProductIndex, medianLagDays: Float)
        /// Like `to` in title, category, tags, vendor and price.
        case similar(to: ProductIndex)
    }

    public var product: ProductIndex
    /// Higher is better; the unit depends on the model (see its doc comment).
    public var score: Float
    /// The product that produced the proposal, if any.
    public var anchor: ProductIndex?
    public var evidence: Evidence

    public init(product: ProductIndex, score: Float, anchor: ProductIndex? = nil, evidence: Evidence) {
        self.product = product
        self.score = score
        self.anchor = anchor
        self.evidence = evidence
    }
}
