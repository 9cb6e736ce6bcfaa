import Foundation
import RegularsData

/// What a page or an e-mail asks for: a placement and the context the customer knowingly gave.
///
/// Every field but `placement` is optional. External ids only (customer id, SKUs): the recommender maps
/// them to the trained snapshot and reports unknown ones as a `RecommendationError`.
public struct RecommendationRequest: Sendable, Hashable, Codable {
    public var placement: Placement
    /// The signed-in customer, if any. An opted-out customer is served exactly as an anonymous visitor.
    public var customer: CustomerID?
    /// The product being viewed (product pages).
    public var product: SKU?
    /// The SKUs in the cart, never recommended back.
    public var cart: [SKU]
    /// Products viewed in the current session, oldest first.
    public var session: [SKU]
    /// Where the visitor came from (`utm_source`, `utm_campaign`).
    public var referral: ReferralSource?
    /// The kind of page the placement sits on; it shifts the recipe (`PageType`).
    public var pageType: PageType?
    /// What the page is about (an article's title or tags, a search, a collection's name): products matching its
    /// words come first on editorial, search and collection pages.
    public var topic: String?
    /// How many recommendations to return.
    public var limit: Int
    /// Leave out what the customer already bought ("discover" widgets; the benchmark's `new` track).
    public var excludeOwned: Bool
    /// The moment to recommend for (due dates, boost expiry); `nil`: the models' `asOf`.
    public var asOf: Date?
    /// A recipe replacing the placement's (an experiment's arm, `MerchandisingRules.recipe(named:for:)`).
    public var recipe: PlacementRecipe?
    /// What `customer` told the shop they like (unexpired), when they did: used only when personalizing for them.
    public var stated: StatedPreferences?

    public init(
        placement: Placement, customer: CustomerID? = nil, product: SKU? = nil, cart: [SKU] = [],
        session: [SKU] = [], referral: ReferralSource? = nil, pageType: PageType? = nil, topic: String? = nil,
        limit: Int = 10, excludeOwned: Bool = false, asOf: Date? = nil
    ) {
        self.topic = topic
        self.excludeOwned = excludeOwned
        self.placement = placement
        self.customer = customer
        self.product = product
        self.cart = cart
        self.session = session
        self.referral = referral
        self.pageType = pageType
        self.limit = limit
        self.asOf = asOf
    }

    /// The same request without the customer: what an anonymous visitor with the same page, cart and
    /// session would get.
    public var anonymous: RecommendationRequest {
        var copy = self
        copy.customer = nil
        return copy
    }
}

/// The referral of a visit, from the landing URL's `utm_source` and `utm_campaign`.
public struct ReferralSource: Sendable, Hashable, Codable {
    public var source: String?
    public var campaign: String?

    public init(source: String? = nil, campaign: String? = nil) {
        self.source = source
        self.campaign = campaign
    }

    /// The categories whose name shares a word with the source or campaign (`candles-autumn` → Candles),
    /// as indexes into `categories`, in category order. Words shorter than four letters do not count.
    public func categoryHints(in categories: [String]) -> [Int32] {
        let words = Self.words(of: [source, campaign].compactMap { $0 }.joined(separator: " "))
        guard !words.isEmpty else { return [] }
        var hints: [Int32] = []
        for (index, name) in categories.enumerated() where !Self.words(of: name).isDisjoint(with: words) {
            hints.append(Int32(index))
        }
        return hints
    }

    /// Lower-cased words of at least four letters, with a plural `s` removed (`candles` → `candle`).
    static func words(of text: String) -> Set<String> {
        var out = Set<String>()
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count >= 4 {
            out.insert(word.hasSuffix("s") ? String(word.dropLast()) : String(word))
        }
        return out
    }
}
