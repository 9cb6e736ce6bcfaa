import RegularsData

/// Why a product is recommended: one explicit signal, before it is put into words by `ReasonBuilder`.
///
/// Only what the customer knowingly shared (their purchases, the cart, the page they are on) or what is
/// true of the shop as a whole (bestsellers, new arrivals). There is deliberately no case for browsing
/// counts, devices, or anything inferred.
public enum Reason: Sendable, Hashable, Codable {
    /// The customer bought `anchor`, and this goes with it.
    case boughtBefore(anchor: ProductIndex)
    /// Often bought together with `anchor` (in the cart, on the page, or in the last order).
    case boughtTogether(anchor: ProductIndex)
    /// The customer has bought this product before and it is a consumable.
    case buyAgain
    /// A consumable due again; `personal`: the interval is the customer's own, not the shop's usual one.
    case restock(everyDays: Float, personal: Bool)
    /// Customers who bought `anchor` usually go on to buy this, about `lagDays` later.
    case nextStep(after: ProductIndex, lagDays: Float)
    /// Like `anchor` (the product on the page, or one in the session or cart).
    case similar(to: ProductIndex)
    /// A recency-weighted bestseller, overall or in a category.
    case popular(category: Int32?)
    /// Selling faster lately, overall or in a category.
    case trending(category: Int32?)
    /// Recently added to the catalog.
    case newArrival(category: Int32?)
    /// A premium piece in a category the customer buys from.
    case premium(category: Int32?)
    /// Chosen by the shop (a pinned product that no model proposed).
    case shopPick(category: Int32?)
    /// In a category the customer often buys from.
    case favouriteCategory(Int32)
    /// Proposed by the collaborative model with no single purchase to name.
    case pickedForYou
    /// Matches what the page is about: its topic as sent, or the category when only the category's name matched.
    case pageTopic(term: String, category: Int32?)
    /// Bought by this many customers in the last 90 days (social proof on product pages).
    case boughtBy(customers: Int)
    /// Its sales gather in `month` (1–12): every year (`recurring`), or in the one year the history covers.
    case seasonal(month: Int, recurring: Bool)
    /// The customer told the shop they like this category (or, `nil`, this price range) on the preference page.
    case statedPreference(category: Int32?)

    /// Whether the reason is a measured link from one of the customer's own purchases (a complement, a next step,
    /// a restock), the only signals a stated preference does not outrank as the pick's reason.
    public var namesAPurchaseLink: Bool {
        switch self {
        case .boughtBefore, .boughtTogether, .nextStep, .restock, .buyAgain: true
        default: false
        }
    }

    /// The product this reason names, if any: it must never be a sensitive one.
    public var anchor: ProductIndex? {
        switch self {
        case .boughtBefore(let p), .boughtTogether(let p), .nextStep(let p, _), .similar(let p): p
        default: nil
        }
    }

    /// The reason for a model's evidence; a complement counts as a previous purchase when `anchorIsOwned`.
    public init(_ evidence: ExplainedScore.Evidence, anchorIsOwned: Bool = false) {
        switch evidence {
        case .popular(let category): self = .popular(category: category)
        case .trending(let category): self = .trending(category: category)
        case .due(let everyDays, _): self = .restock(everyDays: everyDays, personal: false)
        case .boughtTogether(let anchor):
            self = anchorIsOwned ? .boughtBefore(anchor: anchor) : .boughtTogether(anchor: anchor)
        case .nextStep(let after, let lag): self = .nextStep(after: after, lagDays: lag)
        case .similar(let to): self = .similar(to: to)
        }
    }
}
