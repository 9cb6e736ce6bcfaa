/// The length rules of a single SMS: 160 characters in the GSM-7 alphabet, 70 when any character needs UCS-2.
///
/// GSM 03.38's extension characters (`{ } [ ] ~ \ | ^ €` and form feed) are sent as an escape plus a
/// character, so they count twice; anything outside both tables (most emoji, curly quotes, accented letters
/// beyond the basic set) switches the whole message to UCS-2, where emoji outside the BMP count as two.
public enum SMSText {
    /// GSM 03.38's basic character set.
    static let basic: Set<Character> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
    )
    /// GSM 03.38's extension table: each costs two septets.
    static let extended: Set<Character> = Set("^{}\\[~]|€\u{0C}")

    public enum Encoding: String, Sendable, Codable {
        case gsm7 = "GSM-7"
        case ucs2 = "UCS-2"
    }

    /// GSM-7 when every character is in the basic or extension table.
    public static func encoding(of text: String) -> Encoding {
        text.allSatisfy { basic.contains($0) || extended.contains($0) } ? .gsm7 : .ucs2
    }

    /// The length as the network counts it: septets for GSM-7, UTF-16 units for UCS-2.
    public static func length(of text: String) -> Int {
        switch encoding(of: text) {
        case .gsm7: text.reduce(0) { $0 + (extended.contains($1) ? 2 : 1) }
        case .ucs2: text.utf16.count
        }
    }

    /// 160 for GSM-7, 70 for UCS-2.
    public static func limit(for encoding: Encoding) -> Int { encoding == .gsm7 ? 160 : 70 }

    /// Whether `text` fits one SMS.
    public static func fits(_ text: String) -> Bool { length(of: text) <= limit(for: encoding(of: text)) }

    /// `text` with non-GSM punctuation replaced by its plain twin (curly quotes, dashes, ellipsis), so a
    /// stray typographic quote does not cost 90 characters of room.
    public static func plain(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\u{2018}", "\u{2019}": out.append("'")
            case "\u{201C}", "\u{201D}": out.append("\"")
            case "\u{2013}", "\u{2014}": out.append("-")
            case "\u{2026}": out.append("...")
            case "\u{00A0}": out.append(" ")
            default: out.append(c)
            }
        }
        return out
    }

    /// `text` cut at a word boundary (with `...`) until it fits one SMS; `tail` (a link) is kept whole.
    public static func fitted(_ text: String, tail: String = "") -> String {
        let body = plain(text)
        let joined = tail.isEmpty ? body : body + " " + tail
        if fits(joined) { return joined }
        var words = body.split(separator: " ").map(String.init)
        while !words.isEmpty {
            words.removeLast()
            let candidate = words.joined(separator: " ") + "..." + (tail.isEmpty ? "" : " " + tail)
            if fits(candidate) { return candidate }
        }
        // Only the tail left; cut it by characters as a last resort.
        var cut = tail
        while !fits(cut) { cut.removeLast() }
        return cut
    }
}
