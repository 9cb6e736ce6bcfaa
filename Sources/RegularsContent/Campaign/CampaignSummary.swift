import Foundation
import RegularsData

/// `summary.json`: what a campaign run produced, who it left out and why, and where its copy came from.
/// Counts and product facts only: no recipient appears in it.
public struct CampaignSummary: Sendable, Hashable, Codable {
    public struct Featured: Sendable, Hashable, Codable {
        public var sku: SKU
        public var title: String
        public var price: String?
        /// In how many e-mails.
        public var emails: Int
    }

    /// A segment whose LLM draft was not used, and why.
    public struct Fallback: Sendable, Hashable, Codable {
        public var segment: String
        public var reason: String
        public var code: LLMError.Code
        public var problems: [String]?
    }

    public var segment: String
    public var placement: String
    public var generatedAt: Date
    public var asOf: Date
    public var members: Int
    public var recipients: Int
    public var skipped: [String: Int]
    public var skippedTotal: Int
    public var productsFeatured: [Featured]
    /// `llm` when the checked draft was used, `templates` otherwise.
    public var mode: String
    public var llmRequested: Bool
    public var llmFallbacks: [Fallback]
    public var templateOverrides: [String]
    public var files: [String]
    /// The traffic source this version of the copy is for (`campaign --source`); `nil` for the main version.
    public var source: String? = nil
    /// The season its members buy in mainly (`campaign --season`), if it was narrowed to one.
    public var season: String? = nil

    enum CodingKeys: String, CodingKey {
        case segment, placement, members, recipients, skipped, mode, files, source, season
        case generatedAt = "generated_at"
        case asOf = "as_of"
        case skippedTotal = "skipped_total"
        case productsFeatured = "products_featured"
        case llmRequested = "llm_requested"
        case llmFallbacks = "llm_fallbacks"
        case templateOverrides = "template_overrides"
    }

    /// Pretty JSON with ISO-8601 dates, keys sorted.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
