import RegularsData

/// The demo shop's categories: a home-goods shop with one sensitive category.
///
/// `rawValue` is the category name the shop uses (written to the export's `Type` column); `taxonomy`
/// is Shopify's standard product category for the `Product category` column.
enum DemoCategory: String, CaseIterable, Sendable {
    case cookware = "Cookware"
    case kitchenTools = "Kitchen tools & care"
    case kitchenTextiles = "Kitchen textiles"
    case coffeeAndTea = "Coffee & tea"
    case candles = "Candles"
    case homeFragrance = "Home fragrance"
    case garden = "Garden"
    case soilAndPlantCare = "Soil & plant care"
    case pantry = "Pantry"
    case tableware = "Tableware"
    case giftSets = "Gift sets"
    case bathAndBody = "Bath & body"
    case wellness = "Wellness & pregnancy"

    /// Health and pregnancy items: never a reason, never e-mailed.
    var isSensitive: Bool { self == .wellness }

    /// Shopify's standard taxonomy path for the category.
    var taxonomy: String {
        switch self {
        case .cookware: "Home & Garden > Kitchen & Dining > Cookware & Bakeware > Cookware"
        case .kitchenTools: "Home & Garden > Kitchen & Dining > Kitchen Tools & Utensils"
        case .kitchenTextiles: "Home & Garden > Linens & Bedding > Kitchen Linens"
        case .coffeeAndTea: "Food, Beverages & Tobacco > Beverages > Coffee"
        case .candles: "Home & Garden > Decor > Home Fragrances > Candles"
        case .homeFragrance: "Home & Garden > Decor > Home Fragrances"
        case .garden: "Home & Garden > Lawn & Garden > Gardening"
        case .soilAndPlantCare: "Home & Garden > Lawn & Garden > Gardening > Fertilizers"
        case .pantry: "Food, Beverages & Tobacco > Food Items"
        case .tableware: "Home & Garden > Kitchen & Dining > Tableware"
        case .giftSets: "Arts & Entertainment > Party & Celebration > Gift Giving"
        case .bathAndBody: "Health & Beauty > Personal Care > Cosmetics > Bath & Body"
        case .wellness: "Health & Beauty > Health Care"
        }
    }

    /// How often a browsing customer picks this category, relative to the others.
    var baseWeight: Double {
        switch self {
        case .cookware: 9
        case .kitchenTools: 8
        case .kitchenTextiles: 9
        case .coffeeAndTea: 7
        case .candles: 6
        case .homeFragrance: 6
        case .garden: 5
        case .soilAndPlantCare: 3
        case .pantry: 10
        case .tableware: 9
        case .giftSets: 1
        case .bathAndBody: 7
        case .wellness: 0.6
        }
    }

    /// The seasonal multiplier in `month` (1…12): gift sets sell in November and December, the
    /// garden in spring.
    func seasonality(month: Int) -> Double {
        switch self {
        case .giftSets: month == 11 || month == 12 ? 14 : 0.25
        case .garden, .soilAndPlantCare: [3, 4, 5, 6].contains(month) ? 2.5 : (month <= 2 || month >= 11 ? 0.3 : 1)
        case .candles, .homeFragrance: month >= 10 || month <= 2 ? 1.6 : 0.8
        default: 1
        }
    }

    /// A sentence of product copy, with commas and quotes as real descriptions have.
    var blurb: String {
        switch self {
        case .cookware: "Heavy, even-heating and oven-safe; our buyers call it \"the last pan you'll buy\"."
        case .kitchenTools: "Simple, sturdy tools that earn their drawer space, day after day."
        case .kitchenTextiles: "Woven, washed and pre-shrunk, so it stays soft, square and useful."
        case .coffeeAndTea: "Roasted or packed in small batches, for brighter, sweeter cups."
        case .candles: "Hand-poured soy wax, cotton wick, 40+ hours of clean burn."
        case .homeFragrance: "Layered, natural scents that fill a room without shouting."
        case .garden: "Made for real gardens: rain, mud, and many seasons of use."
        case .soilAndPlantCare: "Feeds the soil, not just the plant; safe for pets, bees and children."
        case .pantry: "Small producers, short ingredient lists, and nothing we wouldn't eat ourselves."
        case .tableware: "Glazed by hand, so every piece is slightly, beautifully different."
        case .giftSets: "Boxed, ribboned and ready to give, with a handwritten card on request."
        case .bathAndBody: "Gentle, plant-based and packed without plastic."
        case .wellness: "Gentle support for pregnancy and recovery; ask your midwife if unsure."
        }
    }
}
