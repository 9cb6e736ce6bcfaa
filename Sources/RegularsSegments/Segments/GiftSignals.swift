import Foundation
import RegularsData

/// Finds the products that say "gift" in their title, category or tags.
enum GiftSignals {
    /// Whether each product of `snapshot` (by `ProductIndex`) carries a gift keyword as whole words.
    static func giftProducts(in snapshot: Snapshot, keywords: [String]) -> [Bool] {
        let phrases = keywords.map(words).filter { !$0.isEmpty }
        guard !phrases.isEmpty else { return Array(repeating: false, count: snapshot.productCount) }
        return snapshot.products.map { product in
            var texts = [product.title] + product.tags
            if product.category >= 0 { texts.append(snapshot.categories[Int(product.category)]) }
            return texts.contains { text in
                let tokens = words(text)
                return phrases.contains { contains(tokens, phrase: $0) }
            }
        }
    }

    /// Lower-cased words of `text`: letters and digits, split at anything else ("Gift-Card" → gift, card).
    static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }
    }

    private static func contains(_ tokens: [Substring], phrase: [Substring]) -> Bool {
        guard tokens.count >= phrase.count else { return false }
        for start in 0...(tokens.count - phrase.count) where tokens[start] == phrase[0] {
            if zip(tokens[start..<(start + phrase.count)], phrase).allSatisfy({ $0 == $1 }) { return true }
        }
        return false
    }
}
