import Foundation
import RegularsData

/// Checks an LLM draft against the catalog before a single recipient sees it.
///
/// A draft passes when: its placeholders are all allowed; every price it states equals the catalog price
/// of a featured product (the blurb's own product, in a blurb); every blurb is for a featured SKU; it names
/// no sensitive product and no SKU outside the catalog; it uses none of the voice's words to avoid; and
/// the subject fits 60 characters with a long first name.
public struct DraftCheck: Sendable {
    public let facts: [SegmentPrompt.ProductFact]
    public let catalog: CatalogFacts
    public let voice: BrandVoice
    /// The featured products' catalog prices by SKU, and every one of them: read once, not per text checked.
    let prices: [SKU: Money]
    let allPrices: [Money]
    /// Sensitive products' titles, lower-cased once (the catalog's list is rebuilt on every read).
    let sensitiveTitles: [String]

    public init(facts: [SegmentPrompt.ProductFact], catalog: CatalogFacts, voice: BrandVoice) {
        self.facts = facts
        self.catalog = catalog
        self.voice = voice
        prices = Dictionary(
            facts.compactMap { fact in fact.price.flatMap { Self.amount($0) }.map { (fact.sku, $0) } },
            uniquingKeysWith: { a, _ in a })
        allPrices = Array(Set(prices.values))
        sensitiveTitles = catalog.sensitiveTitles.map { $0.lowercased() }
    }

    /// Every problem found; empty when the draft may be used. With `style`, the draft must also keep to the
    /// traffic source's voice: one sentence of intro and a 40-character subject for a short source, no emoji
    /// where the source has none, at most one per line where it has one.
    public func problems(in draft: CopyDraft, style: SourceStyle? = nil) -> [String] {
        var problems: [String] = []
        let texts =
            [("subject", draft.subject), ("preheader", draft.preheader), ("intro", draft.intro)]
            + (draft.cta.map { [("cta", $0)] } ?? [])
            + draft.blurbs.sorted { $0.key < $1.key }.map { ("blurb \($0.key)", $0.value) }
        let featured = Set(facts.map(\.sku))
        for sku in draft.blurbs.keys where !featured.contains(sku) {
            problems.append("blurb for \(sku), which is not a featured product")
        }
        for (slot, text) in texts {
            problems += self.problems(
                in: text, slot: slot, sku: slot.hasPrefix("blurb ") ? String(slot.dropFirst(6)) : nil,
                placeholders: CopyDraft.allowedPlaceholders)
            if let style { problems += Self.styleProblems(in: text, slot: slot, style: style) }
        }
        let limit = style?.short == true ? SourceStyle.shortLimit : CampaignComposer.subjectLimit
        let longest = draft.subject.replacingOccurrences(of: "{{first_name}}", with: "Christopher")
            .replacingOccurrences(of: "{{greeting_name}}", with: "Christopher")
            .replacingOccurrences(of: "{{shop_name}}", with: voice.shopName)
            .replacingOccurrences(of: "{{since}}", with: "three months")
            .replacingOccurrences(of: "{{last_product}}", with: "skillet")
        if longest.count > limit {
            problems.append("subject: longer than \(limit) characters")
        }
        if draft.intro.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("intro: empty") }
        if style?.short == true, CampaignComposer.firstSentence(draft.intro).count < draft.intro.count {
            problems.append("intro: more than one sentence for \(style!.source) readers, whose voice is short")
        }
        return problems
    }

    /// The checks every piece of copy passes, e-mail or banner: only `placeholders`; prices that are a featured
    /// product's catalog price (`sku`'s own, when the text is about one product); no sensitive product, no word
    /// the voice avoids, no link, address or phone number, no SKU outside the catalog.
    public func problems(in text: String, slot: String, sku: SKU? = nil, placeholders: Set<String>) -> [String] {
        var problems: [String] = []
        for name in Self.placeholders(in: text) where !placeholders.contains(name) {
            problems.append("\(slot): placeholder {{\(name)}} is not allowed")
        }
        for amount in Self.amounts(in: text) {
            let expected = sku.flatMap { prices[$0] }.map { [$0] } ?? allPrices
            if !expected.contains(amount) {
                problems.append("\(slot): states the price \(amount), which is no featured product's catalog price")
            }
        }
        let lower = text.lowercased()
        for title in sensitiveTitles where lower.contains(title) {
            problems.append("\(slot): names a sensitive product")
        }
        for word in voice.wordsToAvoid where !word.isEmpty && lower.contains(word.lowercased()) {
            problems.append("\(slot): uses \"\(word)\", which the voice avoids")
        }
        // Links, addresses and phone numbers come from the templates and the catalog only: a draft that
        // brings its own (a hostile endpoint, an injected instruction) is not sent to customers.
        if lower.contains("http") || lower.contains("www.") || lower.contains("@") {
            problems.append("\(slot): contains a link or an e-mail address")
        }
        if text.range(of: #"\d[\d ()./-]{6,}\d"#, options: .regularExpression) != nil {
            problems.append("\(slot): contains a long number (a phone number?)")
        }
        for token in Self.skuLikeTokens(in: text) where catalog.snapshot.productIndexBySKU[token] == nil {
            problems.append("\(slot): names \(token), which is not in the catalog")
        }
        return problems
    }

    /// Emoji against the source's voice: none where it has none, one at most where it has one.
    static func styleProblems(in text: String, slot: String, style: SourceStyle) -> [String] {
        let count = emojiCount(text)
        if !style.emoji, count > 0 { return ["\(slot): has an emoji, which \(style.source) readers' voice has not"] }
        if count > 1 { return ["\(slot): has \(count) emoji; the voice allows one"] }
        return []
    }

    /// Characters drawn as emoji: pictographs shown as emoji by default, or asked to be with U+FE0F; not ™, digits
    /// or `#`.
    public static func emojiCount(_ text: String) -> Int {
        text.filter { character in
            character.unicodeScalars.contains { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }
        }.count
    }

    /// `{{name}}` placeholders (also `{{ name }}` and triple braces).
    static func placeholders(in text: String) -> [String] {
        var out: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(
                in: CharacterSet(charactersIn: "{}&#^/ "))
            out.append(name)
            rest = rest[close.upperBound...]
        }
        return out
    }

    /// Money amounts in text: `£12.50`, `$12.50`, `€12`, `12.50`, `12.50 USD`. Plain integers without a
    /// currency sign are not prices ("3 ideas", "10.25 in" are kept out by requiring a sign or two decimals).
    public static func amounts(in text: String) -> [Money] {
        let pattern = #"(?:[£$€]\s?\d[\d,]*(?:\.\d{1,2})?)|(?:\b\d[\d,]*\.\d{2}\b(?!\s?(?:in|cm|mm|oz|g|kg|ml|l)\b))"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            guard let r = Range(match.range, in: text) else { return nil }
            return amount(String(text[r]))
        }
    }

    /// One amount, with or without its currency sign.
    static func amount(_ text: String) -> Money? {
        Money(parsing: text.filter { $0.isNumber || $0 == "." || $0 == "," })
    }

    /// Words shaped like SKUs (`ABC-123`, upper-case letters and digits with a dash), to catch invented codes.
    static func skuLikeTokens(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || ",;:()\"'".contains($0) }).map {
            String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".!?"))
        }.filter { token in
            token.contains("-") && token.contains(where: \.isNumber) && token.contains(where: \.isLetter)
                && token.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" }
        }
    }

    /// Reads a draft from the model's content: a JSON object, possibly inside a ``` fence.
    public static func decode(_ content: String) throws(LLMError) -> CopyDraft {
        var text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        if let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}") { text = String(text[start...end]) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw LLMError(.malformed, "the draft is not a JSON object")
        }
        guard let subject = object["subject"] as? String, let intro = object["intro"] as? String else {
            throw LLMError(.malformed, "the draft lacks \"subject\" or \"intro\"")
        }
        let blurbs = (object["blurbs"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
        return CopyDraft(
            subject: subject, preheader: object["preheader"] as? String ?? "", intro: intro, blurbs: blurbs,
            cta: object["cta"] as? String)
    }
}
