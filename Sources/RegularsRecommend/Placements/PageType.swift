import Foundation

/// The kind of page a storefront placement sits on, as the widget says. It shifts the placement's recipe
/// (`PlacementRecipe.default(forPage:)`, or the rules file's `pageRecipes`): a product page leans on what goes
/// with the product and what other customers buy, an editorial page on products that match its topic.
public enum PageType: String, Sendable, Hashable, Codable, CaseIterable {
    case product
    case collection
    case editorial
    case search
    case cart
}

/// The words of a page's topic that can name products: `TitleTokenizer`'s words (lower-cased, singular), without
/// the words of headlines that name no product.
enum PageTopic {
    static let headlineWords: Set<String> = [
        "how", "what", "why", "guide", "tip", "best", "new", "about", "make", "making", "idea", "season",
    ]

    static func words(_ topic: String?) -> [String] {
        guard let topic else { return [] }
        var seen = Set<String>()
        return TitleTokenizer.tokens(topic).filter {
            $0.count >= 3 && !headlineWords.contains($0) && seen.insert($0).inserted
        }
    }
}
