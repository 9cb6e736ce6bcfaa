import RegularsData

/// Segment-level copy from the LLM: templates with placeholders, no personal detail, merged per recipient
/// by `CampaignComposer` once `DraftCheck` has passed it.
public struct CopyDraft: Sendable, Hashable, Codable {
    public var subject: String
    public var preheader: String
    /// Two or three sentences with `{{first_name}}`, `{{last_product}}`, `{{since}}` … placeholders.
    public var intro: String
    /// A sentence of colour per SKU, about the product itself (the personal reason is added locally).
    public var blurbs: [SKU: String]
    public var cta: String?

    public init(subject: String, preheader: String, intro: String, blurbs: [SKU: String], cta: String? = nil) {
        self.subject = subject
        self.preheader = preheader
        self.intro = intro
        self.blurbs = blurbs
        self.cta = cta
    }

    /// The placeholders a draft may use; anything else fails the check.
    public static let allowedPlaceholders: Set<String> = [
        "first_name", "greeting_name", "last_product", "since", "since_cap", "shop_name",
    ]
}
