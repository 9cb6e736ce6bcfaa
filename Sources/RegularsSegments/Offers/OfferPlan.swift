import Foundation
import RegularsData

/// What `OfferPolicy.plan` decides: per customer an offer or the reason for none, and the plan's totals.
extension OfferPolicy {
    /// Why a customer gets an offer or not, as a kind (the reason says it with the customer's figures).
    public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
        case offer
        case buysAnyway = "buys_anyway"
        case gone
        case lowValue = "low_value"
        case notSlipping = "not_slipping"
        case notWorthIt = "not_worth_it"
        case noPredictions = "no_predictions"
        case overBudget = "over_budget"

        public var label: String {
            switch self {
            case .offer: "offer"
            case .buysAnyway: "likely to order in the window anyway"
            case .gone: "probably gone"
            case .lowValue: "12-month value below the median customer's"
            case .notSlipping: "not slipping"
            case .notWorthIt: "the incentive would cost more margin than it may bring"
            case .noPredictions: "too little history to predict"
            case .overBudget: "over the budget"
            }
        }
    }

    /// One customer's decision and its reason in plain words.
    public struct Decision: Sendable, Hashable, Codable {
        public var customerID: CustomerID
        public var verdict: Verdict
        public var offer: Bool { verdict == .offer }
        /// The incentive per order, in the shop's currency.
        public var incentive: Money?
        public var sendOn: Date?
        public var expectedCost: Money?
        public var expectedMarginGain: Money?
        public var probabilityAlive: Double?
        public var probabilityAliveBefore: Double?
        public var reason: String

        enum CodingKeys: String, CodingKey {
            case verdict, incentive, reason
            case customerID = "customer_id"
            case sendOn = "send_on"
            case expectedCost = "expected_cost"
            case expectedMarginGain = "expected_margin_gain"
            case probabilityAlive = "p_alive"
            case probabilityAliveBefore = "p_alive_before"
        }
    }

    /// The decisions for every customer with predictions, offers first (best gain first).
    public struct Plan: Sendable, Codable {
        public var asOf: Date
        public var settings: Settings
        public var marginRate: Double
        /// Whether the margin rate came from product costs or is `defaultMarginRate`.
        public var marginFromCosts: Bool
        public var budget: Money?
        public var offers: Int
        public var totalExpectedCost: Money
        public var totalExpectedMarginGain: Money
        public var decisions: [Decision]

        enum CodingKeys: String, CodingKey {
            case settings, budget, offers, decisions
            case asOf = "as_of"
            case marginRate = "margin_rate"
            case marginFromCosts = "margin_from_costs"
            case totalExpectedCost = "total_expected_cost"
            case totalExpectedMarginGain = "total_expected_margin_gain"
        }
    }
}
