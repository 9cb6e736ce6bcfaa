/// Splits product titles into the words that say what a product is: lower-cased runs of letters and digits,
/// without English stop words, one- or all-digit tokens, and with a plural `s` taken off.
///
/// `"Silicone Oven Mitts - Charcoal, 2 pack"` → `["silicone", "oven", "mitt", "charcoal", "pack"]`.
/// Sizes and counts (`"4 x 8 ft"`, `"250 g"`) mostly vanish, so variants of one item share their words.
enum TitleTokenizer {
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of",
        "on", "or", "our", "per", "the", "this", "to", "with", "your", "you", "we", "x", "pcs", "pc",
    ]

    static func tokens(_ title: String) -> [String] {
        var out: [String] = []
        var word = ""
        func flush() {
            defer { word = "" }
            guard word.count >= 2, !word.allSatisfy(\.isNumber), !stopWords.contains(word) else { return }
            out.append(singular(word))
        }
        for character in title.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// `mitts` → `mitt`, `candles` → `candle`; leaves `glass`, `citrus` and short words alone.
    static func singular(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"),
            !word.hasSuffix("is")
        else { return word }
        return String(word.dropLast())
    }
}
