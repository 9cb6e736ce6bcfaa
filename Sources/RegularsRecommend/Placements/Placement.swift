/// Where a list of recommendations is shown: a page of the shop or a kind of e-mail.
///
/// Each placement has its own recipe of models (`PlacementRecipe.default(for:)`), which a shop may override
/// in its rules file. E-mail placements never carry sensitive products (`PrivacyGuard`).
public enum Placement: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The home page: personal history and trending; session categories for a visitor without history.
    case home
    /// A product page: items like the viewed product, and what goes with it.
    case product
    /// The cart: complements of the cart's items, never an item already in it.
    case cart
    /// The checkout: as the cart, with fewer, cheaper add-ons in mind.
    case checkout
    /// The e-mail after an order: complements and next steps of the last order, restocks when due.
    case emailPostPurchase = "email.post_purchase"
    /// The e-mail to a lapsed customer; history older than 12 months counts as near-new.
    case emailWinBack = "email.win_back"
    /// The e-mail to a loyal customer: new arrivals first, premium and complementary picks.
    case emailLoyal = "email.loyal"

    /// `email.*` placements: sent, not shown on a page the customer opened.
    public var isEmail: Bool { rawValue.hasPrefix("email.") }

    /// Every placement name, comma separated, for error messages and help.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public var description: String { rawValue }
}
