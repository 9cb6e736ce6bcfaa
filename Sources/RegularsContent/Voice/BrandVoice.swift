import Foundation
import RegularsData

/// How the shop sounds in its e-mails and texts: the small config a shop owner edits once.
///
/// Every key is optional in the file (`shop.voice.json` beside the store); a missing key, or a missing
/// file, keeps the default, so a shop that never wrote one still gets friendly copy.
public struct BrandVoice: Sendable, Hashable, Codable {
    /// The register of the copy; each picks its own set of phrasings.
    public enum Tone: String, Sendable, Hashable, Codable, CaseIterable {
        case warm, playful, expert
    }

    public var tone: Tone = .warm
    public var shopName = "our shop"
    /// Words the shop likes to hear itself say; the LLM is asked to use them where they fit.
    public var wordsToUse: [String] = []
    /// Words never to appear in the copy (checked on LLM drafts; the templates avoid them by construction).
    public var wordsToAvoid: [String] = ["Dear Valued Customer", "act now", "limited time only"]
    public var signOff = "See you soon"
    public var emoji = false
    /// What kind of shop this is, in a few words: "independent kitchen and home goods shop".
    public var storeType = "independent shop"
    /// One paragraph on what the catalog is about (see `regulars catalog-brief` for a start).
    public var catalogBrief = ""
    /// Whether win-back copy may offer a discount at all. Off by default: a real reason beats a code.
    public var allowDiscount = false
    /// The offer, as the shop words it: "10% off with WELCOMEBACK".
    public var discountText = ""
    /// Product links: `{handle}` (the catalog handle, or the title made URL-safe) and `{sku}` are filled in.
    public var productURL = "https://shop.example/products/{handle}"
    /// Put before prices in copy: `$`, `£`, `€` (or `""` for none).
    public var currencySymbol = "$"
    /// Category links (banners point to one): `{handle}` is the category's name made URL-safe.
    public var collectionURL = "https://shop.example/collections/{handle}"
    /// How to speak to visitors from each traffic source, by source name (`SourceVoice`); a source left out keeps
    /// its built-in style (`SourceVoice.builtIn`).
    public var sources: [String: SourceVoice] = [:]
    /// The preference page `regulars serve` hosts, as customers reach it (`campaign --ask-preferences` links to it
    /// with a signed token).
    public var preferencesURL = "http://127.0.0.1:8080/preferences"

    public init() {}

    enum CodingKeys: String, CodingKey {
        case tone, emoji
        case shopName = "shop_name"
        case wordsToUse = "words_to_use"
        case wordsToAvoid = "words_to_avoid"
        case signOff = "sign_off"
        case storeType = "store_type"
        case catalogBrief = "catalog_brief"
        case allowDiscount = "allow_discount"
        case discountText = "discount_text"
        case productURL = "product_url"
        case currencySymbol = "currency_symbol"
        case collectionURL = "collection_url"
        case sources
        case preferencesURL = "preferences_url"
    }

    /// Keys left out keep their defaults; keys starting with `_` (comments) are ignored.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = BrandVoice()
        tone = try c.decodeIfPresent(Tone.self, forKey: .tone) ?? d.tone
        shopName = try c.decodeIfPresent(String.self, forKey: .shopName) ?? d.shopName
        wordsToUse = try c.decodeIfPresent([String].self, forKey: .wordsToUse) ?? d.wordsToUse
        wordsToAvoid = try c.decodeIfPresent([String].self, forKey: .wordsToAvoid) ?? d.wordsToAvoid
        signOff = try c.decodeIfPresent(String.self, forKey: .signOff) ?? d.signOff
        emoji = try c.decodeIfPresent(Bool.self, forKey: .emoji) ?? d.emoji
        storeType = try c.decodeIfPresent(String.self, forKey: .storeType) ?? d.storeType
        catalogBrief = try c.decodeIfPresent(String.self, forKey: .catalogBrief) ?? d.catalogBrief
        allowDiscount = try c.decodeIfPresent(Bool.self, forKey: .allowDiscount) ?? d.allowDiscount
        discountText = try c.decodeIfPresent(String.self, forKey: .discountText) ?? d.discountText
        productURL = try c.decodeIfPresent(String.self, forKey: .productURL) ?? d.productURL
        currencySymbol = try c.decodeIfPresent(String.self, forKey: .currencySymbol) ?? d.currencySymbol
        collectionURL = try c.decodeIfPresent(String.self, forKey: .collectionURL) ?? d.collectionURL
        sources = try c.decodeIfPresent([String: SourceVoice].self, forKey: .sources) ?? d.sources
        preferencesURL = try c.decodeIfPresent(String.self, forKey: .preferencesURL) ?? d.preferencesURL
        for name in sources.keys where TrafficSource(name)?.name != name {
            throw DecodingError.dataCorruptedError(
                forKey: .sources, in: c,
                debugDescription: "'\(name)' is not a source name (lower-case letters, digits, - and _, at most 40)")
        }
    }

    /// Whether a discount line may be written: allowed and worded.
    public var offersDiscount: Bool { allowDiscount && !discountText.trimmingCharacters(in: .whitespaces).isEmpty }

    /// The discount as a share of an order, read from its words: "10% off with WELCOMEBACK" → 0.10; `nil` when
    /// the words name no percentage. The offer policy's incentive never exceeds it.
    public var discountShare: Double? {
        guard let match = discountText.firstMatch(of: /(\d+(?:\.\d+)?)\s*%/), let percent = Double(match.1) else {
            return nil
        }
        return percent / 100
    }

    /// A price as the copy shows it: `$24.00`.
    public func price(_ money: Money) -> String { currencySymbol + money.description }

    /// The link to one product.
    public func url(sku: String, handle: String?, title: String) -> String {
        productURL.replacingOccurrences(of: "{handle}", with: handle ?? Self.slug(title))
            .replacingOccurrences(
                of: "{sku}", with: sku.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? sku)
    }

    /// The preference page's link carrying `token` (`PreferenceLink`).
    public func preferencesURL(token: String) -> String {
        preferencesURL + (preferencesURL.contains("?") ? "&" : "?") + "t=" + token
    }

    /// The link to one category's collection page.
    public func collectionURL(category: String) -> String {
        collectionURL.replacingOccurrences(of: "{handle}", with: Self.slug(category))
    }

    /// A title made URL-safe as Shopify makes handles:
    /// `Lodge Cast-Iron Skillet 10.25 in` → `lodge-cast-iron-skillet-10-25-in`.
    public static func slug(_ title: String) -> String {
        let words = title.lowercased().split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        return words.joined(separator: "-")
    }
}
