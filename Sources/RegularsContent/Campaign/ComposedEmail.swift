import RegularsData

/// One recipient's finished e-mail and SMS, slot by slot, ready for the exports.
public struct ComposedEmail: Sendable, Hashable, Codable {
    /// One product block: the facts, the reason it fits, and a sentence of colour.
    public struct Blurb: Sendable, Hashable, Codable {
        public var position: Int
        public var sku: SKU
        public var title: String
        /// The catalog price as shown (`$24.00`), or `nil` when the catalog has none.
        public var price: String?
        public var url: String
        /// The recommendation's reason, always present: why this product fits this customer.
        public var why: String
        public var note: String
    }

    public var customerID: CustomerID
    public var email: String
    public var firstName: String?
    public var subject: String
    public var preheader: String
    public var greeting: String
    public var intro: String
    public var blurbs: [Blurb]
    public var discount: String?
    public var cta: String
    public var ctaURL: String
    public var signOff: String
    public var shopName: String
    public var sms: String
    public var smsEncoding: SMSText.Encoding
    /// Which slots came from the LLM draft (`subject`, `intro`, …); empty for template copy.
    public var fromDraft: [String]

    /// The values the mustache layouts read (snake_case keys).
    var templateValues: [String: Any] {
        [
            "subject": subject, "preheader": preheader, "greeting": greeting, "intro": intro,
            "blurbs": blurbs.map { b -> [String: Any] in
                var row: [String: Any] = [
                    "position": b.position, "sku": b.sku, "title": b.title, "url": b.url, "why": b.why, "note": b.note,
                ]
                if let price = b.price { row["price"] = price }
                return row
            },
            "discount": discount ?? false, "cta": cta, "cta_url": ctaURL, "sign_off": signOff, "shop_name": shopName,
            "sms": sms, "sms_encoding": smsEncoding.rawValue, "sms_length": SMSText.length(of: sms),
        ]
    }
}
