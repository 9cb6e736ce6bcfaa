import Foundation
import RegularsData

/// A shop's merchandising rules: what people decide on top of the models ("human curation multiplies the
/// model"). Saved as `shop.rules.json` beside the store (`MerchandisingRules+File.swift`); every field has a
/// default, so `{}` is a valid rules file.
///
/// Applied by `RulesApplication` in this order: exclusions and filters, boosts, margin ranking, the
/// per-category cap, then pins.
public struct MerchandisingRules: Sendable, Hashable, Codable {
    /// A product always shown in one slot (1-based) of a placement, if it may be shown at all.
    public struct Pin: Sendable, Hashable, Codable {
        public var sku: SKU
        public var placement: Placement
        public var slot: Int
        public init(sku: SKU, placement: Placement, slot: Int) {
            self.sku = sku
            self.placement = placement
            self.slot = slot
        }
    }

    /// Multiplies the score of one SKU, of a category, or of every new arrival, until a date.
    public struct Boost: Sendable, Hashable, Codable {
        public var sku: SKU?
        public var category: String?
        /// Applies to every new arrival (created within `newArrivalDays`).
        public var newArrivals: Bool?
        public var factor: Double
        /// The boost stops at this moment; `nil`: never.
        public var until: Date?
        public init(
            sku: SKU? = nil, category: String? = nil, newArrivals: Bool? = nil, factor: Double, until: Date? = nil
        ) {
            self.sku = sku
            self.category = category
            self.newArrivals = newArrivals
            self.factor = factor
            self.until = until
        }
    }

    /// Keeps recommendations within a price range, in every placement or in one.
    public struct PriceRange: Sendable, Hashable, Codable {
        public var placement: Placement?
        public var minimum: Double?
        public var maximum: Double?
        public init(placement: Placement? = nil, minimum: Double? = nil, maximum: Double? = nil) {
            self.placement = placement
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    public var pins: [Pin] = []
    public var boosts: [Boost] = []
    /// SKUs never recommended.
    public var excludedSKUs: [SKU] = []
    /// Category names never recommended.
    public var excludedCategories: [String] = []
    /// Products whose margin `(price - cost) / price` is below this fraction are not recommended (unknown
    /// cost: kept).
    public var minimumMargin: Double?
    public var priceRanges: [PriceRange] = []
    /// At most this many products of one category in one list (diversity); `nil`: no cap.
    public var maximumPerCategory: Int?
    /// Show one variant of a product per list (the best-scoring colour of the oven mitt, not all three).
    public var oneVariantPerProduct = true
    /// Rank by expected margin: for a known customer, the ranker's P(purchase within 30 days) × the product's
    /// margin relative to the shop's mean (1 when its cost is unknown); for anonymous visitors, whose lists carry
    /// no probability, the blended score × that margin (`RulesApplication`).
    public var rankByExpectedMargin = false
    /// E-mails to known customers leave out picks whose purchase probability is below this (0.02: 2 %) and
    /// shop-wide fillers, instead of padding the list; `nil`: off.
    public var emailMinimumProbability: Double?
    /// An item is a consumable (restocked when due) when the replenishment model gives it an interval and at least
    /// this share of its buyers bought it again. Stricter than the model's own threshold because a few chance
    /// repeats make no consumable. Whether an owned item may be offered again is `durable…` below.
    public var consumableRepeatShare = 0.15
    /// … and its gaps keep a rhythm: interquartile range over median at most this. Chance repeats (gaps spread
    /// like an exponential distribution) come out near 1.6; coffee bought every 30 days near 0.2.
    public var consumableMaximumSpread = 1.0
    /// A product is durable (never offered again to a customer who owns it, nor another variant of it) when at
    /// least `durableMinimumBuyers` customers bought it and at most this share of them bought it again. With
    /// fewer buyers the data cannot tell, and the ranker, which learns from each customer's own repeats, decides:
    /// a wholesaler's customers reorder most items, a kitchen shop's never buy a second skillet.
    public var durableMaximumRepeatShare = 0.05
    public var durableMinimumBuyers = 20
    /// A product created within this many days before `asOf` is a new arrival.
    public var newArrivalDays = 30
    /// How long a customer's stated preferences steer their recommendations before they expire, in months.
    public var statedPreferenceMonths = 12
    /// Per-placement recipes replacing the defaults, keyed by placement name (`PlacementRecipe`).
    public var recipes: [String: PlacementRecipe] = [:]
    /// Per-page-type recipes replacing the defaults of `PlacementRecipe.default(forPage:)`, keyed by page type
    /// (`editorial`, `product`, …); they apply to storefront placements, never to e-mails.
    public var pageRecipes: [String: PlacementRecipe] = [:]
    /// Recipes an experiment's arm may name (`regulars experiment create … --arms A=default,B=NAME`).
    public var experimentRecipes: [String: PlacementRecipe] = [:]

    public init() {}

    /// The recipe for `placement`: the shop's own, or the default.
    public func recipe(for placement: Placement) -> PlacementRecipe {
        recipes[placement.rawValue] ?? .default(for: placement)
    }

    /// The recipe for `placement` on a page of kind `page`: the page's (the shop's own, or the default) for a
    /// storefront placement, else the placement's.
    public func recipe(for placement: Placement, page: PageType?) -> PlacementRecipe {
        guard let page, !placement.isEmail,
            let recipe = pageRecipes[page.rawValue] ?? PlacementRecipe.default(forPage: page)
        else { return recipe(for: placement) }
        return recipe
    }

    enum CodingKeys: String, CodingKey {
        case pins, boosts, excludedSKUs, excludedCategories, minimumMargin, priceRanges, maximumPerCategory
        case oneVariantPerProduct, rankByExpectedMargin, consumableRepeatShare, consumableMaximumSpread, newArrivalDays,
            recipes, durableMaximumRepeatShare, durableMinimumBuyers, experimentRecipes, emailMinimumProbability,
            pageRecipes, statedPreferenceMonths
    }

    /// Missing keys take their defaults, so a hand-written file needs only the rules it uses.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pins = try c.decodeIfPresent([Pin].self, forKey: .pins) ?? []
        boosts = try c.decodeIfPresent([Boost].self, forKey: .boosts) ?? []
        excludedSKUs = try c.decodeIfPresent([SKU].self, forKey: .excludedSKUs) ?? []
        excludedCategories = try c.decodeIfPresent([String].self, forKey: .excludedCategories) ?? []
        minimumMargin = try c.decodeIfPresent(Double.self, forKey: .minimumMargin)
        priceRanges = try c.decodeIfPresent([PriceRange].self, forKey: .priceRanges) ?? []
        maximumPerCategory = try c.decodeIfPresent(Int.self, forKey: .maximumPerCategory)
        oneVariantPerProduct = try c.decodeIfPresent(Bool.self, forKey: .oneVariantPerProduct) ?? true
        rankByExpectedMargin = try c.decodeIfPresent(Bool.self, forKey: .rankByExpectedMargin) ?? false
        emailMinimumProbability = try c.decodeIfPresent(Double.self, forKey: .emailMinimumProbability)
        consumableRepeatShare = try c.decodeIfPresent(Double.self, forKey: .consumableRepeatShare) ?? 0.15
        consumableMaximumSpread = try c.decodeIfPresent(Double.self, forKey: .consumableMaximumSpread) ?? 1
        newArrivalDays = try c.decodeIfPresent(Int.self, forKey: .newArrivalDays) ?? 30
        statedPreferenceMonths = try c.decodeIfPresent(Int.self, forKey: .statedPreferenceMonths) ?? 12
        guard (1...120).contains(statedPreferenceMonths) else {
            throw DecodingError.dataCorruptedError(
                forKey: .statedPreferenceMonths, in: c, debugDescription: "expected 1 to 120 months")
        }
        durableMaximumRepeatShare = try c.decodeIfPresent(Double.self, forKey: .durableMaximumRepeatShare) ?? 0.05
        durableMinimumBuyers = try c.decodeIfPresent(Int.self, forKey: .durableMinimumBuyers) ?? 20
        recipes = try c.decodeIfPresent([String: PlacementRecipe].self, forKey: .recipes) ?? [:]
        pageRecipes = try c.decodeIfPresent([String: PlacementRecipe].self, forKey: .pageRecipes) ?? [:]
        experimentRecipes = try c.decodeIfPresent([String: PlacementRecipe].self, forKey: .experimentRecipes) ?? [:]
    }
}
