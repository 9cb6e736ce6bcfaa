import Foundation

/// A lifecycle segment: where a customer stands with the shop, as a marketer would say it.
///
/// A customer can be in several at once (a loyal high spender who is overdue); `SegmentDefinitions`
/// holds the rules and the priority that picks one primary segment for campaigns.
public enum LifecycleSegment: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// First order in the last 30 days.
    case new
    /// An order in the last 60 days.
    case active
    /// Three or more orders.
    case loyal
    /// In the top tenth of customers by total spend.
    case highSpender = "high_spender"
    /// Bought gift products, or mostly buys in the gift season (November–December).
    case giftBuyer = "gift_buyer"
    /// Overdue against their own rhythm, or unlikely to be still active by the BG/NBD model.
    case atRisk = "at_risk"
    /// No order in 90 days or more.
    case lapsed
    /// No order in 12 months or more: treated as near-new by the recommenders.
    case lost

    /// The name shown to people: "High spender".
    public var title: String {
        switch self {
        case .new: "New"
        case .active: "Active"
        case .loyal: "Loyal"
        case .highSpender: "High spender"
        case .giftBuyer: "Gift buyer"
        case .atRisk: "At risk"
        case .lapsed: "Lapsed"
        case .lost: "Lost"
        }
    }

    /// Declaration order, so that sets of segments list the same way everywhere.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
