import Foundation
import RegularsData

/// The one prompt a campaign sends per segment: voice, playbook, the segment in words and the facts of the
/// products featured. Built only from those; it has no way to see a recipient, so no name, e-mail, customer
/// id, address or order id can reach the endpoint.
public struct SegmentPrompt: Sendable, Hashable {
    /// What the LLM may say about one product.
    public struct ProductFact: Sendable, Hashable, Codable {
        public var sku: SKU
        public var title: String
        public var category: String?
        public var price: String?
        /// The most common reason this product is recommended to the segment.
        public var reason: String
    }

    public var voice: BrandVoice
    public var playbook: Playbook
    public var products: [ProductFact]
    public var recipients: Int
    /// The readers' traffic source and how the voice speaks to it, when the copy is for one.
    public var style: SourceStyle? = nil
    /// Whether every recipient may be offered the discount (not so when an offer-policy arm withholds it from some).
    public var offersDiscount = true

    /// The most featured products (at most `limit`), each with its most common reason.
    public static func facts(featured: [[FeaturedProduct]], voice: BrandVoice, limit: Int = 12) -> [ProductFact] {
        var count: [SKU: Int] = [:]
        var reasons: [SKU: [String: Int]] = [:]
        var first: [SKU: FeaturedProduct] = [:]
        for list in featured {
            for product in list {
                count[product.sku, default: 0] += 1
                reasons[product.sku, default: [:]][product.reason, default: 0] += 1
                if first[product.sku] == nil { first[product.sku] = product }
            }
        }
        let top = count.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit)
        return top.compactMap { sku, _ in
            guard let product = first[sku] else { return nil }
            let reason = reasons[sku, default: [:]].max {
                $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key
            }?.key
            return ProductFact(
                sku: sku, title: product.title, category: product.category, price: product.price.map(voice.price),
                reason: reason ?? product.reason)
        }
    }

    /// The chat messages: a system message with the rules, a user message with the brief as JSON.
    public var messages: [[String: String]] {
        let system = """
            You write marketing e-mail copy for a small shop. Answer with one JSON object only, with keys \
            "subject" (at most 50 characters), "preheader" (one sentence), "intro" (2 or 3 sentences), \
            "cta" (2 to 4 words) and "blurbs" (an object from each SKU given to one sentence about that product). \
            Use only these placeholders, written exactly so: {{first_name}}, {{last_product}}, {{since}} \
            (a time span such as "three months"), {{shop_name}}. The intro must mention {{last_product}} and \
            {{since}}. Mention only the products given, with their exact prices if you state a price. Never \
            invent discounts, products or facts. Never write "Dear Valued Customer".
            """
            + (style.map { style in
                " The readers come from \(style.source): follow \"readers_from\"."
                    + (style.short
                        ? " Keep it short: a one-sentence intro and a subject of at most 40 characters." : "")
                    + (style.emoji ? " Use exactly one emoji in the subject." : " Use no emoji.")
            } ?? "")
        var brief: [String: Any] = [
            "shop": [
                "name": voice.shopName, "type": voice.storeType, "catalog": voice.catalogBrief,
                "tone": (style?.tone ?? voice.tone).rawValue, "words_to_use": voice.wordsToUse,
                "words_to_avoid": voice.wordsToAvoid,
                "sign_off": voice.signOff, "emoji": voice.emoji,
            ] as [String: Any],
            "segment": [
                "name": playbook.segment.title, "who": playbook.audience, "goal": playbook.goal,
                "recipients": recipients,
            ] as [String: Any],
            "products": products.map { fact -> [String: Any] in
                var row: [String: Any] = ["sku": fact.sku, "title": fact.title, "why_it_fits": fact.reason]
                if let category = fact.category { row["category"] = category }
                if let price = fact.price { row["price"] = price }
                return row
            },
        ]
        if let style {
            brief["readers_from"] =
                [
                    "source": style.source.name, "how_to_write": style.line, "short": style.short, "emoji": style.emoji,
                ] as [String: Any]
        }
        if playbook.mayOfferDiscount && voice.offersDiscount && offersDiscount {
            brief["discount_you_may_mention"] = voice.discountText
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: brief, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return [
            ["role": "system", "content": system],
            ["role": "user", "content": String(decoding: data, as: UTF8.self)],
        ]
    }
}
