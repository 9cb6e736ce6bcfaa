import Foundation

/// Where a visitor, or the readers of a piece of copy, come from: `instagram`, `google`, `email`, `direct`, or a
/// name of the shop's own (`tiktok`, `newsletter-b`).
///
/// A name, not an enum: a shop's channels are its own. Names are lower-case letters, digits, `-` and `_`, at most
/// 40 characters, so they can key the voice file and the phrases without escaping.
public struct TrafficSource: Sendable, Hashable, Codable, CustomStringConvertible {
    public let name: String

    public static let instagram = TrafficSource(checked: "instagram")
    public static let google = TrafficSource(checked: "google")
    public static let email = TrafficSource(checked: "email")
    public static let direct = TrafficSource(checked: "direct")
    /// The sources the product knows how to speak to without a line in the voice file.
    public static let builtIn: [TrafficSource] = [.instagram, .google, .email, .direct]

    /// `Instagram` → `instagram`; `nil` for an empty name, a name over 40 characters or one with other characters.
    public init?(_ raw: String) {
        let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard (1...40).contains(name.count),
            name.unicodeScalars.allSatisfy({
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_")
            })
        else { return nil }
        self.name = name
    }

    private init(checked name: String) { self.name = name }

    /// A landing page's `utm_source` or the referring host, as the widget sees it: `l.instagram.com`, `ig` →
    /// instagram; `www.google.co.uk` → google; `klaviyo`, `newsletter`, `mail.example` → email; anything else
    /// by its own name when it is one (`tiktok`), or its host's main word (`m.facebook.com` → facebook).
    public static func recognise(_ raw: String) -> TrafficSource? {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty, text.count <= 200 else { return nil }
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if words.contains(where: { $0 == "instagram" || $0 == "ig" }) { return .instagram }
        if words.contains("google") { return .google }
        if words.contains(where: { ["email", "e", "mail", "newsletter", "klaviyo", "mailchimp"].contains($0) }) {
            return .email
        }
        if words.contains("direct") || words == ["none"] { return .direct }
        if let named = TrafficSource(text) { return named }
        // A host: the word before the public suffix (`m.facebook.com` → `facebook`).
        let main = words.filter { !["www", "m", "l", "lm", "com", "co", "org", "net", "uk", "de", "fr"].contains($0) }
        return main.first.flatMap { TrafficSource($0) }
    }

    public var description: String { name }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let source = TrafficSource(raw) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(raw)' is not a source name (letters, digits, - and _, at most 40)"))
        }
        self = source
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
