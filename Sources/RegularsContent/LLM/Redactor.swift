import Foundation
import RegularsData

/// Replaces what is personal in a prompt before it leaves the machine: every e-mail address, phone number,
/// street address and postcode by its shape, and the shop's own customer ids, order ids and first names (with
/// the capitalised word after one, a surname) by what the store holds. Decided by what is personal, not by
/// what is allowed: the catalog's exact product titles are kept whole (a "Rose Candle" stays a candle), but a
/// name that also appears in a title is still replaced everywhere else.
public struct Redactor: Sendable {
    let emails: Set<String>
    let names: Set<String>
    let ids: Set<String>
    /// Exact product titles, longest first, kept as they are.
    let titles: [String]
    /// The first names as one expression, compiled once per shop (a campaign redacts every prompt with it).
    let nameExpression: NSRegularExpression?

    public init(snapshot: Snapshot) {
        emails = Set(snapshot.customers.compactMap { $0.email?.lowercased() }.filter { !$0.isEmpty })
        names = Set(snapshot.customers.compactMap { $0.firstName?.lowercased() }.filter { $0.count > 1 })
        // An id short enough to be an ordinary number (an order "1001") is left to the shapes: replacing every
        // "1001" would garble counts and prices.
        ids = Set(
            (snapshot.customers.map(\.id) + snapshot.orderIDs).filter { id in
                id.count >= 4 && (id.count >= 6 || id.contains { !$0.isNumber })
            })
        titles = Set(snapshot.products.map(\.title)).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        let alternatives = names.sorted().map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        nameExpression =
            names.isEmpty
            ? nil
            : try! NSRegularExpression(
                pattern: #"(?<![\p{L}\p{N}])(?i:"# + alternatives + #")(?![\p{L}\p{N}])(?:[ \t]+\p{Lu}[\p{L}'\-]+)?"#)
    }

    /// In this order: an address before a phone number, so that a house number after a phone stays with its street.
    static let shapes: [(expression: NSRegularExpression, replacement: String)] = [
        (#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#, "[email]"),
        (
            #"\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][A-Za-z'\-]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Way|"#
                + #"Close|Court|Ct|Place|Pl|Square|Sq|Terrace|Crescent|Gardens|Hill|Row|Boulevard|Blvd|Mews|Walk)\b"#,
            "[address]"
        ),
        (#"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"#, "[postcode]"),
        // Nine or more digits with the usual separators: a phone number, not a price, a date or a count.
        (#"\+?\(?\d(?:[\s\-().]*\d){8,}"#, "[phone]"),
        (#"#\d{3,}"#, "[order]"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    static let tokens = try! NSRegularExpression(pattern: #"[A-Za-z0-9][A-Za-z0-9\-_]*"#)

    /// `text` with everything personal replaced, and how many replacements were made.
    public func redact(_ text: String) -> (text: String, replaced: Int) {
        var replaced = 0
        // Titles step aside (private-use markers), so that nothing inside them is taken for a name.
        var kept: [String] = []
        var working = text
        for title in titles where working.contains(title) {
            working = working.replacingOccurrences(of: title, with: "\u{E000}\(kept.count)\u{E001}")
            kept.append(title)
        }
        for shape in Self.shapes {
            let expression = shape.expression
            let range = NSRange(working.startIndex..., in: working)
            let count = expression.numberOfMatches(in: working, range: range)
            if count > 0 {
                replaced += count
                working = expression.stringByReplacingMatches(
                    in: working, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: shape.replacement)
                )
            }
        }
        working = replacingWords(in: working, replaced: &replaced)
        for (index, title) in kept.enumerated() {
            working = working.replacingOccurrences(of: "\u{E000}\(index)\u{E001}", with: title)
        }
        return (working, replaced)
    }

    /// Known ids as whole tokens; known first names as whole words, with a capitalised word after one (a surname).
    private func replacingWords(in text: String, replaced: inout Int) -> String {
        var working = text
        if !ids.isEmpty {
            // Through NSString: its ranges index in constant time, where a String's walk from the start.
            let tokens = Self.tokens
            let source = working as NSString
            var output = ""
            var last = 0
            for match in tokens.matches(in: working, range: NSRange(location: 0, length: source.length))
            where ids.contains(source.substring(with: match.range)) {
                output += source.substring(with: NSRange(location: last, length: match.range.location - last))
                output += "[id]"
                replaced += 1
                last = match.range.location + match.range.length
            }
            working = output + source.substring(from: last)
        }
        guard let expression = nameExpression else { return working }
        let range = NSRange(working.startIndex..., in: working)
        replaced += expression.numberOfMatches(in: working, range: range)
        return expression.stringByReplacingMatches(in: working, range: range, withTemplate: "[name]")
    }
}
