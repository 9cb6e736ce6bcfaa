import RegularsRecommend
import RegularsSegments

/// What a campaign to one lifecycle segment sets out to do: the angle of its copy, where its products come
/// from (the e-mail placement) and how many it shows.
///
/// The angles follow what works with each group: a new customer wants reassurance that they chose well, a
/// loyal one to be thanked and let in early, a lapsed one an honest reason to come back, not just a code.
public struct Playbook: Sendable, Hashable, Codable {
    public var segment: LifecycleSegment
    /// The e-mail placement whose recipe picks the products.
    public var placement: Placement
    /// Products per e-mail (3–4).
    public var productCount: Int
    /// The copy slots' family: phrases in `phrases.json` are keyed by it (`lapsed`, `loyal`, …).
    public var angle: String
    /// What the e-mail should do, in a sentence: the brief for the LLM and for people reading summary.json.
    public var goal: String
    /// Who is in the segment, in words without a single personal detail.
    public var audience: String
    /// Whether the shop's discount line (if the voice allows one) belongs in this e-mail.
    public var mayOfferDiscount: Bool

    /// The playbook of `segment`.
    public static func `for`(_ segment: LifecycleSegment) -> Playbook {
        switch segment {
        case .new:
            Playbook(
                segment: segment, placement: .emailPostPurchase, productCount: 3, angle: "new",
                goal:
                    "Reassure them they chose well, show how other customers use what they bought, "
                    + "and suggest what goes with it.",
                audience: "Customers whose first order was in the last 30 days.", mayOfferDiscount: false)
        case .active:
            Playbook(
                segment: segment, placement: .emailPostPurchase, productCount: 3, angle: "active",
                goal: "Help them get more from their recent order with the things that go with it or are due again.",
                audience: "Customers who ordered in the last 60 days.", mayOfferDiscount: false)
        case .loyal:
            Playbook(
                segment: segment, placement: .emailLoyal, productCount: 4, angle: "loyal",
                goal:
                    "Thank them sincerely, give them early access to new arrivals, "
                    + "and offer one premium or complementary pick.",
                audience: "Customers with three or more orders.", mayOfferDiscount: false)
        case .highSpender:
            Playbook(
                segment: segment, placement: .emailLoyal, productCount: 3, angle: "high_spender",
                goal: "Treat them as insiders: a first look at premium pieces that suit what they already own.",
                audience: "The top tenth of customers by total spend.", mayOfferDiscount: false)
        case .giftBuyer:
            Playbook(
                segment: segment, placement: .emailLoyal, productCount: 3, angle: "gift_buyer",
                goal: "Make giving easy: ready-to-give picks in the categories they have given from before.",
                audience: "Customers who buy gifts or mostly buy in the gift season.", mayOfferDiscount: false)
        case .atRisk:
            Playbook(
                segment: segment, placement: .emailWinBack, productCount: 3, angle: "at_risk",
                goal: "A friendly nudge before they drift away: what is due again or goes with what they have.",
                audience: "Customers who are overdue against their own rhythm.", mayOfferDiscount: true)
        case .lapsed:
            Playbook(
                segment: segment, placement: .emailWinBack, productCount: 4, angle: "lapsed",
                goal:
                    "Acknowledge the time since their last order and give a real reason to return: "
                    + "a complement to what they own, a restock that is due, "
                    + "or new arrivals in their category.",
                audience: "Customers with no order in 90 days or more.", mayOfferDiscount: true)
        case .lost:
            Playbook(
                segment: segment, placement: .emailWinBack, productCount: 3, angle: "lapsed",
                goal:
                    "Reintroduce the shop after a long gap, with what is new and what goes with what they once bought.",
                audience: "Customers with no order in 12 months or more.", mayOfferDiscount: true)
        }
    }

    /// Reads `lapsed`, `high-spender`, `high_spender`, `at-risk` …; `nil` for anything else.
    public static func segment(named name: String) -> LifecycleSegment? {
        LifecycleSegment(rawValue: name.lowercased().replacingOccurrences(of: "-", with: "_"))
    }
}
