import Foundation

/// The editable rules of the lifecycle segments, with the shop-owner defaults.
///
/// Days are whole calendar days back from the reference day (the last day with data: the day of
/// `asOf`, or the day before when `asOf` is midnight). "In the last 30 days" is days 0…29, so an order
/// 30 days ago is no longer new. A JSON file may set any subset of the keys (snake case, as in
/// `{"new_within_days": 14, "lapsed_after_days": 120}`); the others keep their defaults.
public struct SegmentDefinitions: Sendable, Hashable, Codable {
    /// New: the first order is fewer than this many days ago.
    public var newWithinDays = 30
    /// Active: the last order is fewer than this many days ago.
    public var activeWithinDays = 60
    /// Loyal: at least this many orders.
    public var loyalMinimumOrders = 3
    /// High spender: in this top share of customers by total spend (⌊share · customers⌋ at most).
    public var highSpenderTopShare = 0.10
    /// Gift buyer: an order with a product whose title, category or a tag contains one of these
    /// phrases as whole words, case-insensitively ("Gift set", "gift-card" tag).
    public var giftKeywords = ["gift", "gifts", "gift set", "gift card", "gift box", "gift wrap", "giftcard"]
    /// Gift buyer, too: at least `giftSeasonMinimumShare` of at least `giftSeasonMinimumOrders` orders
    /// fall in these months (1–12, UTC).
    public var giftSeasonMonths = [11, 12]
    public var giftSeasonMinimumShare = 0.5
    public var giftSeasonMinimumOrders = 2
    /// A customer's season (`Season`): at least `seasonalMinimumShare` of at least `seasonalMinimumOrders` order
    /// days fall in one season ("bought in summer").
    public var seasonalMinimumOrders = 2
    public var seasonalMinimumShare = 0.75
    /// Seasons turn half a year in the southern hemisphere (June is winter).
    public var southernHemisphere = false
    /// At risk: with two or more order days, the days since the last order exceed this multiple of
    /// the customer's median gap between order days…
    public var atRiskGapMultiple = 2.0
    /// …or, when predictions exist, P(alive) is below this.
    public var atRiskProbabilityAlive = 0.3
    /// Lapsed: the last order is at least this many days ago.
    public var lapsedAfterDays = 90
    /// Lost: the last order is at least this many days ago.
    public var lostAfterDays = 365
    /// The first segment of this list that a customer is in is their primary segment. The default
    /// puts the most urgent first: a loyal customer who has lapsed needs a win-back, not a thank-you.
    public var priority: [LifecycleSegment] = [
        .lost, .lapsed, .atRisk, .new, .highSpender, .loyal, .giftBuyer, .active,
    ]

    public init() {}

    enum CodingKeys: String, CodingKey {
        case newWithinDays = "new_within_days"
        case activeWithinDays = "active_within_days"
        case loyalMinimumOrders = "loyal_minimum_orders"
        case highSpenderTopShare = "high_spender_top_share"
        case giftKeywords = "gift_keywords"
        case giftSeasonMonths = "gift_season_months"
        case giftSeasonMinimumShare = "gift_season_minimum_share"
        case giftSeasonMinimumOrders = "gift_season_minimum_orders"
        case seasonalMinimumOrders = "seasonal_minimum_orders"
        case seasonalMinimumShare = "seasonal_minimum_share"
        case southernHemisphere = "southern_hemisphere"
        case atRiskGapMultiple = "at_risk_gap_multiple"
        case atRiskProbabilityAlive = "at_risk_probability_alive"
        case lapsedAfterDays = "lapsed_after_days"
        case lostAfterDays = "lost_after_days"
        case priority
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SegmentDefinitions()
        newWithinDays = try c.decodeIfPresent(Int.self, forKey: .newWithinDays) ?? d.newWithinDays
        activeWithinDays = try c.decodeIfPresent(Int.self, forKey: .activeWithinDays) ?? d.activeWithinDays
        loyalMinimumOrders = try c.decodeIfPresent(Int.self, forKey: .loyalMinimumOrders) ?? d.loyalMinimumOrders
        highSpenderTopShare = try c.decodeIfPresent(Double.self, forKey: .highSpenderTopShare) ?? d.highSpenderTopShare
        giftKeywords = try c.decodeIfPresent([String].self, forKey: .giftKeywords) ?? d.giftKeywords
        giftSeasonMonths = try c.decodeIfPresent([Int].self, forKey: .giftSeasonMonths) ?? d.giftSeasonMonths
        giftSeasonMinimumShare =
            try c.decodeIfPresent(Double.self, forKey: .giftSeasonMinimumShare) ?? d.giftSeasonMinimumShare
        giftSeasonMinimumOrders =
            try c.decodeIfPresent(Int.self, forKey: .giftSeasonMinimumOrders) ?? d.giftSeasonMinimumOrders
        seasonalMinimumOrders =
            try c.decodeIfPresent(Int.self, forKey: .seasonalMinimumOrders) ?? d.seasonalMinimumOrders
        seasonalMinimumShare =
            try c.decodeIfPresent(Double.self, forKey: .seasonalMinimumShare) ?? d.seasonalMinimumShare
        southernHemisphere = try c.decodeIfPresent(Bool.self, forKey: .southernHemisphere) ?? d.southernHemisphere
        atRiskGapMultiple = try c.decodeIfPresent(Double.self, forKey: .atRiskGapMultiple) ?? d.atRiskGapMultiple
        atRiskProbabilityAlive =
            try c.decodeIfPresent(Double.self, forKey: .atRiskProbabilityAlive) ?? d.atRiskProbabilityAlive
        lapsedAfterDays = try c.decodeIfPresent(Int.self, forKey: .lapsedAfterDays) ?? d.lapsedAfterDays
        lostAfterDays = try c.decodeIfPresent(Int.self, forKey: .lostAfterDays) ?? d.lostAfterDays
        priority = try c.decodeIfPresent([LifecycleSegment].self, forKey: .priority) ?? d.priority
    }
}
