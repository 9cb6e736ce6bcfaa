/// Which candidate sources a placement blends, and how much each weighs.
///
/// Each source proposes a list, best first; its scores are scaled into `0.5 ... 1` (so the order inside a
/// source is kept) and multiplied by the source's weight, so a source of weight 1 always ranks above one of
/// weight 0.45 or less: weights set the order of the sources, the models the order within them. A product
/// several sources propose keeps its best contribution plus a tenth of the others (`CandidatePool`).
///
/// A shop overrides a placement's recipe in its rules file:
/// `"recipes": {"home": {"ingredients": [{"source": "trending", "weight": 1}]}}`.
public struct PlacementRecipe: Sendable, Hashable, Codable {
    /// A source of candidates and its weight.
    public struct Ingredient: Sendable, Hashable, Codable {
        public var source: CandidateSource
        public var weight: Double
        public init(_ source: CandidateSource, _ weight: Double) {
            self.source = source
            self.weight = weight
        }
    }

    public var ingredients: [Ingredient]

    public init(_ ingredients: [Ingredient]) { self.ingredients = ingredients }

    /// The built-in recipe of each placement: checkout and cart lean on complements (what goes with what is being
    /// bought: adjacent, not more of the same), product pages on similar items plus complements, home on personal
    /// plus trending, e-mail on next-step timing, which also says when to send (ARCHITECTURE.md, step "Recommend").
    public static func `default`(for placement: Placement) -> PlacementRecipe {
        switch placement {
        case .cart, .checkout:
            PlacementRecipe([
                .init(.cartComplements, 1), .init(.personal, 0.4), .init(.sessionCategories, 0.35),
                .init(.sessionSimilar, 0.3), .init(.referral, 0.3), .init(.trending, 0.25), .init(.popular, 0.2),
            ])
        case .product:
            PlacementRecipe([
                .init(.productSimilar, 1), .init(.productComplements, 0.95), .init(.cartComplements, 0.4),
                .init(.sessionCategories, 0.35), .init(.popular, 0.2),
            ])
        case .home:
            PlacementRecipe([
                .init(.personal, 1), .init(.statedPreferences, 0.95), .init(.sessionCategories, 0.9),
                .init(.sessionSimilar, 0.85),
                .init(.referral, 0.8), .init(.cartComplements, 0.7), .init(.trending, 0.45), .init(.seasonal, 0.42),
                .init(.popular, 0.4),
            ])
        case .emailPostPurchase:
            PlacementRecipe([
                .init(.nextSteps, 1), .init(.replenishment, 0.95), .init(.lastOrderComplements, 0.9),
                .init(.statedPreferences, 0.6),
                .init(.personal, 0.45), .init(.categoryPicks, 0.4), .init(.popular, 0.2),
            ])
        case .emailWinBack:
            // A real reason to return: what goes with what they own, what is new or popular in the categories
            // they bought from; the shop-wide bestsellers only fill the list.
            PlacementRecipe([
                .init(.statedPreferences, 1.1), .init(.personal, 1), .init(.purchaseComplements, 0.95),
                .init(.newArrivals, 0.9),
                .init(.categoryPicks, 0.85), .init(.seasonal, 0.5), .init(.bestsellers, 0.45), .init(.trending, 0.4),
            ])
        case .emailLoyal:
            PlacementRecipe([
                .init(.newArrivals, 1), .init(.statedPreferences, 0.97), .init(.premium, 0.95),
                .init(.purchaseComplements, 0.9),
                .init(.replenishment, 0.85), .init(.seasonal, 0.5), .init(.categoryPicks, 0.4), .init(.popular, 0.2),
            ])
        }
    }
}

/// One source of candidates for a placement (`Recommender+Sources.swift`).
public enum CandidateSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// Complements of the cart's items ("Often bought together with …").
    case cartComplements = "cart_complements"
    /// Items like the viewed product.
    case productSimilar = "product_similar"
    /// Complements of the viewed product.
    case productComplements = "product_complements"
    /// The learned ranker's list for the customer (`CollaborativeRecommender`), each pick with the reason of the
    /// explicit signal behind it (`PersonalEvidence`); e-mails leave out picks that no purchase explains.
    case personal
    /// Restocks due (replenishment model).
    case replenishment
    /// Next steps of recent purchases, timed (next-step model).
    case nextSteps = "next_steps"
    /// Complements of the last order's items.
    case lastOrderComplements = "last_order_complements"
    /// Complements of everything the customer bought, newest first.
    case purchaseComplements = "purchase_complements"
    /// Popular and trending items in the categories viewed in the session.
    case sessionCategories = "session_categories"
    /// Items like those viewed in the session.
    case sessionSimilar = "session_similar"
    /// Popular items in the categories the referral's source or campaign names.
    case referral
    /// Trending overall (left out when the session has a signal).
    case trending
    /// Bestsellers overall (left out when the session has a signal).
    case popular
    /// Bestsellers overall, for near-new customers (left out when the session has a signal).
    case bestsellers
    /// Popular items in the categories the customer bought from.
    case categoryPicks = "category_picks"
    /// Products created within `newArrivalDays`, in the customer's categories first.
    case newArrivals = "new_arrivals"
    /// The dearer popular items (top quarter by price) of the customer's categories.
    case premium
    /// Products whose title or category has a word of the page's topic (editorial, search, collection pages).
    case topic
    /// Bestsellers of the viewed product's category, with how many customers bought them (product pages).
    case productCategoryBestsellers = "product_category_bestsellers"
    /// Products whose sales gather in this month or the next, from a year or more of history ("Popular every
    /// December").
    case seasonal
    /// Bestsellers of the categories the customer told the shop they like, in their price range ("Because you
    /// told us you like Candles").
    case statedPreferences = "stated_preferences"

    /// Sources that are the same for every visitor: never used when the session says something.
    var isGeneric: Bool { self == .trending || self == .popular || self == .bestsellers || self == .seasonal }

    /// Sources that read the customer's restocks and next steps (`DayEvidence`).
    var readsEvidence: Bool { self == .personal || self == .replenishment || self == .nextSteps }
}
