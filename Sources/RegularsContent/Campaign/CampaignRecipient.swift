import Foundation
import RegularsData

/// One product an e-mail features, with the facts the copy may state about it: nothing else about a product
/// may appear in an e-mail.
public struct FeaturedProduct: Sendable, Hashable, Codable {
    public var sku: SKU
    public var title: String
    public var category: String?
    public var price: Money?
    public var url: String
    /// The recommendation's plain-words reason ("Often bought together with …").
    public var reason: String
    /// Whether the reason is the customer's own (a purchase, a restock) rather than the shop's (popular, new).
    public var personal: Bool = true
}

/// The purchase an intro names: a title shortened as people say it, and when.
public struct LastPurchase: Sendable, Hashable, Codable {
    public var sku: SKU
    public var title: String
    /// The title as an intro says it: `Lodge Cast-Iron Skillet 10.25 in` → `Lodge Cast-Iron Skillet`.
    public var shortTitle: String
    public var date: Date
    public var daysAgo: Int
}

/// One person a campaign writes to. Holds personal details: it lives in memory and in the export files only,
/// never in a log, a prompt or stdout.
public struct CampaignRecipient: Sendable, Hashable {
    public var customerID: CustomerID
    public var email: String
    public var firstName: String?
    /// The latest non-sensitive purchase; `nil` when every purchase was sensitive (the intro speaks generally).
    public var lastPurchase: LastPurchase?
    public var products: [FeaturedProduct]
    /// The signed link to their preference page, in the "tell us what you like" variant.
    public var preferencesURL: String? = nil
    /// Whether their e-mail carries the incentive, when an `offer-policy` experiment arm decided it; `nil`: the
    /// playbook's default (the discount line where the playbook and the voice allow one).
    public var incentive: Bool? = nil
}

extension LastPurchase {
    /// A title as people say it: before a ` - ` variant, a comma or a bracket, without sizes and codes, at
    /// most four words (the last four, where the noun is). `Paper Filters, Size 02 (100)` → `Paper Filters`.
    public static func shortTitle(_ title: String) -> String {
        var head = Substring(title)
        for separator in [" - ", ", ", " ("] {
            if let range = head.range(of: separator) { head = head[..<range.lowerBound] }
        }
        var words: [Substring] = []
        for word in head.split(separator: " ") {
            if word.contains(where: \.isNumber) { break }
            words.append(word)
        }
        if words.isEmpty { return title }
        if words.count > 4 { words = Array(words.suffix(4)) }
        return words.joined(separator: " ")
    }
}
