import Foundation
import RegularsData

/// A homepage banner: a headline, a sub-line, a call to action and the products or category it points to, for
/// one segment (or an anonymous visitor) and, optionally, one traffic source.
///
/// The copy holds no personal detail (no name, no purchase): a banner is seen over a shoulder and cached by
/// browsers, so it speaks to the segment; the products are the visitor's own when they are known.
public struct Banner: Sendable, Hashable, Codable {
    /// The segment it was written for (`lapsed`), or `anonymous`.
    public var audience: String
    public var angle: BannerAngle
    /// The traffic source whose voice it is written in, if any.
    public var source: String?
    public var headline: String
    public var subline: String
    public var cta: String
    /// Where the call to action goes: the category's collection when the products share one, else the first product.
    public var link: String
    /// The category the products share, if they do.
    public var category: String?
    public var products: [FeaturedProduct]
    /// Why this banner, for the shop owner (the dashboard, `regulars banners`); not sent to public pages.
    public var reason: String
    /// What the fact check found; empty when the copy may be shown (a banner with problems is not served).
    public var problems: [String]

    enum CodingKeys: String, CodingKey {
        case audience, angle, source, headline, subline, cta, link, category, products, reason, problems
    }
}

/// What a banner sets out to do, chosen from the segment and what the shop has to show it.
///
/// New customers want reassurance (what everyone loves); the best customers a first look at what is new; lapsed
/// ones what has arrived since they last came, or, when nothing has, the favourites of the categories they
/// bought; anonymous visitors what their session and their source suggest.
public enum BannerAngle: String, Sendable, Hashable, Codable, CaseIterable {
    case welcome
    case earlyAccess = "early_access"
    case thanks
    case whatsNew = "whats_new"
    case welcomeBack = "welcome_back"
    case forYou = "for_you"
    case visitor

    /// The angle's purpose in the owner's words (the banner's reason).
    var purpose: String {
        switch self {
        case .welcome: "reassurance after a first order: what customers love most"
        case .earlyAccess: "early access: new arrivals, before everyone else"
        case .thanks: "thanks: premium picks from the categories they buy (nothing new to show first)"
        case .whatsNew: "what has arrived since their last order"
        case .welcomeBack: "a reason to come back: favourites of the categories they bought (nothing new since)"
        case .forYou: "picks around what they already bought"
        case .visitor: "what they looked at this visit, then what everyone loves"
        }
    }
}
