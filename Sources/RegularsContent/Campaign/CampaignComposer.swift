import Foundation
import Mustache
import RegularsData

/// Writes one recipient's e-mail and SMS in the shop's voice: the playbook's phrasings (or a checked LLM
/// draft) with the recipient's name, last purchase and products merged in.
///
/// Every fact in the copy comes from the recipient's `FeaturedProduct`s (catalog title, price, link and the
/// recommendation's reason); phrasings never name a product themselves. Deterministic: the same recipient
/// gets the same words on every run (`CopyVariation`).
public struct CampaignComposer: Sendable {
    public let voice: BrandVoice
    public let playbook: Playbook
    public let templates: TemplateSet
    /// A checked segment-level draft; `nil` for template copy.
    public let draft: CopyDraft?
    /// The readers' traffic source, when the copy is written for one (`campaign --source`): shorter copy, an
    /// emoji, another tone, as the voice says of that source.
    public let style: SourceStyle?
    let draftTemplates: [String: MustacheTemplate]

    public static let subjectLimit = 60

    public init(
        voice: BrandVoice, playbook: Playbook, templates: TemplateSet, draft: CopyDraft? = nil,
        style: SourceStyle? = nil
    ) {
        self.voice = voice
        self.playbook = playbook
        self.templates = templates
        self.draft = draft
        self.style = style
        var compiled: [String: MustacheTemplate] = [:]
        if let draft {
            var texts = ["subject": draft.subject, "preheader": draft.preheader, "intro": draft.intro]
            if let cta = draft.cta { texts["cta"] = cta }
            for (sku, text) in draft.blurbs { texts["note:" + sku] = text }
            for (slot, text) in texts {
                compiled[slot] = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
            }
        }
        draftTemplates = compiled
    }

    /// The finished e-mail for `recipient`.
    public func compose(_ recipient: CampaignRecipient) -> ComposedEmail {
        let id = recipient.customerID
        let values = placeholders(for: recipient)
        var fromDraft: [String] = []
        func slot(_ name: String, general: String? = nil) -> String {
            if let template = draftTemplates[name] {
                let text = Self.capitalized(Self.tidy(template.render(values)))
                if !text.isEmpty, name != "subject" || text.count <= subjectLimit {
                    fromDraft.append(name)
                    return text
                }
            }
            let key = recipient.lastPurchase == nil ? (general ?? name) : name
            return pick(key, id: id, values: values)
        }
        // The re-engagement variant asks what they like, with the preference page as its call to action.
        let asks = recipient.preferencesURL != nil && templates.has(slot: "intro_preferences")
        let subject = fittedSubject(
            asks ? pick("subject_preferences", id: id, values: values) : slot("subject", general: "subject_general"),
            id: id, values: values)
        var intro =
            asks
            ? pick("intro_preferences", id: id, values: values) : slot(introSlot(recipient), general: "intro_general")
        if style?.short == true { intro = Self.firstSentence(intro) }
        let blurbs = recipient.products.enumerated().map { offset, product in
            ComposedEmail.Blurb(
                position: offset + 1, sku: product.sku, title: product.title, price: product.price.map(voice.price),
                url: product.url, why: Self.sentence(product.reason),
                note: noteFor(product, id: id, values: values, fromDraft: &fromDraft))
        }
        let discount =
            voice.offersDiscount && (recipient.incentive ?? playbook.mayOfferDiscount)
            ? pick("discount", id: id, values: values.merging(["discount": voice.discountText]) { $1 }) : nil
        let first = recipient.products.first
        let sms = sms(for: recipient, values: values)
        return ComposedEmail(
            customerID: id, email: recipient.email, firstName: recipient.firstName, subject: subject,
            preheader: slot("preheader"), greeting: greeting(recipient),
            intro: intro,
            blurbs: blurbs, discount: discount,
            cta: asks ? pick("cta_preferences", id: id, values: values) : slot("cta"),
            ctaURL: (asks ? recipient.preferencesURL : nil) ?? first?.url ?? voice.url(sku: "", handle: "", title: ""),
            signOff: voice.signOff, shopName: voice.shopName, sms: sms, smsEncoding: SMSText.encoding(of: sms),
            fromDraft: fromDraft)
    }

    /// `intro`, whose phrasings say the picks go with the last purchase, only when one of them does;
    /// `intro_shopwide` (still naming the purchase and its age) when every pick is a shop-wide favourite.
    func introSlot(_ recipient: CampaignRecipient) -> String {
        recipient.products.contains(where: \.personal) || !templates.has(slot: "intro_shopwide")
            ? "intro" : "intro_shopwide"
    }

    /// The text: it says a product "goes with" their purchase only when the product's reason is their own
    /// purchase; otherwise a shop-wide phrasing. The product's link closes it, kept whole.
    func sms(for recipient: CampaignRecipient, values: [String: String]) -> String {
        let personal = recipient.lastPurchase == nil ? nil : recipient.products.first(where: \.personal)
        let top = personal ?? recipient.products.first
        var merged = values
        merged["top_pick"] = top.map { LastPurchase.shortTitle($0.title) } ?? "a new favourite"
        let slot = personal != nil || !templates.has(slot: "sms_general") ? "sms" : "sms_general"
        return SMSText.fitted(pick(slot, id: recipient.customerID, values: merged), tail: top?.url ?? "")
    }

    /// The values phrasings and drafts may use; only these, so no template can reach further into the data.
    func placeholders(for recipient: CampaignRecipient) -> [String: String] {
        var values = ["shop_name": voice.shopName, "greeting_name": recipient.firstName ?? "friend"]
        values["first_name"] = recipient.firstName ?? ""
        if let last = recipient.lastPurchase {
            values["last_product"] = last.shortTitle
            let since = TimeInWords.span(days: last.daysAgo)
            values["since"] = since
            values["since_cap"] = since.prefix(1).uppercased() + since.dropFirst()
        } else {
            values["last_product"] = "order"
            values["since"] = "a while"
            values["since_cap"] = "A while"
        }
        return values
    }

    /// The tone the copy is written in: the source's, else the voice's.
    var tone: BrandVoice.Tone { style?.tone ?? voice.tone }

    /// Subjects fit an inbox's 60 characters, or a phone's 40 for a short source.
    var subjectLimit: Int { style?.short == true ? SourceStyle.shortLimit : Self.subjectLimit }

    func pick(_ slot: String, id: CustomerID, values: [String: String]) -> String {
        let options = templates.variants(slot: slot, angle: playbook.angle, tone: tone, source: style?.source)
        guard !options.isEmpty else { return "" }
        let rendered = options.map { Self.tidy($0.render(values)) }
        // Phrasings using a word the voice avoids drop out, unless every one does.
        let avoided = voice.wordsToAvoid.map { $0.lowercased() }.filter { !$0.isEmpty }
        let allowed = rendered.filter { text in !avoided.contains { text.lowercased().contains($0) } }
        let pool = allowed.isEmpty ? rendered : allowed
        return pool[CopyVariation.index(customer: id, slot: playbook.angle + "/" + slot, count: pool.count)]
    }

    func noteFor(_ product: FeaturedProduct, id: CustomerID, values: [String: String], fromDraft: inout [String])
        -> String
    {
        if let template = draftTemplates["note:" + product.sku] {
            fromDraft.append("note:" + product.sku)
            return Self.tidy(template.render(values))
        }
        // Short copy keeps each product's reason and drops the colour line.
        if style?.short == true { return "" }
        let slot = product.personal || !templates.has(slot: "note_general") ? "note" : "note_general"
        return pick(slot, id: id + "/" + product.sku, values: values)
    }

    /// "Hi Ana," — or "Hi there," without a name; never "Dear Valued Customer".
    func greeting(_ recipient: CampaignRecipient) -> String {
        let hello = ["warm": "Hi", "playful": "Hey", "expert": "Hello"][tone.rawValue] ?? "Hi"
        return "\(hello) \(recipient.firstName ?? "there"),"
    }

    /// The subject within its limit: another phrasing if this one runs long, then cut at a word; one emoji when
    /// the voice (or the source's) allows it.
    func fittedSubject(_ subject: String, id: CustomerID, values: [String: String]) -> String {
        let limit = subjectLimit
        // One emoji at most: a draft that brought its own keeps it.
        let mark =
            (style?.emoji ?? voice.emoji) && DraftCheck.emojiCount(subject) == 0
            ? Self.emoji(angle: playbook.angle) : nil
        let room = limit - (mark == nil ? 0 : 2)
        var text = subject
        if text.count > room {
            let options = templates.variants(
                slot: "subject", angle: playbook.angle, tone: tone, source: style?.source)
            if let short = options.map({ Self.tidy($0.render(values)) }).filter({ $0.count <= room }).first {
                text = short
            }
        }
        text = Self.cut(text, to: room)
        if let mark { text += " " + mark }
        return text
    }

    /// The one emoji a headline or subject of this angle may carry.
    static func emoji(angle: String) -> String {
        ["lapsed": "👋", "loyal": "✨", "high_spender": "✨", "new": "🎉", "gift_buyer": "🎁"][angle] ?? "🌿"
    }

    /// Text cut at a word to at most `limit` characters.
    static func cut(_ text: String, to limit: Int) -> String {
        var text = text
        while text.count > limit {
            let words = text.split(separator: " ").dropLast()
            text = words.isEmpty ? String(text.prefix(limit)) : words.joined(separator: " ")
        }
        return text
    }

    /// The first sentence of a paragraph (short copy): up to the first `.`, `!` or `?` followed by a space.
    static func firstSentence(_ text: String) -> String {
        var previous: Character?
        for index in text.indices {
            if let previous, ".!?".contains(previous), text[index] == " " {
                return String(text[..<index])
            }
            previous = text[index]
        }
        return text
    }

    /// A reason as a sentence's body: no trailing full stop (layouts add one).
    static func sentence(_ reason: String) -> String {
        var text = reason.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The first letter upper-cased: a draft may open a sentence with `{{since}}`.
    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Collapses runs of spaces a missing value leaves behind.
    static func tidy(_ text: String) -> String {
        var text = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .replacingOccurrences(of: " ,", with: ",").trimmingCharacters(in: .whitespacesAndNewlines)
        // "{{first_name}}, a few ideas for you" for a customer without a first name.
        while let first = text.first, first == "," || first == ";" || first == ":" || first == " " {
            text.removeFirst()
        }
        return text
    }
}
