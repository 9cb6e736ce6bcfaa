import RegularsData

/// The one place where reasons become words: "Because you bought the Lodge Cast-Iron Skillet 10.25 in".
///
/// Names real products and categories of the snapshot, never a number of visits or views. A reason whose
/// anchor is sensitive is never put into words here: `PrivacyGuard` drops such candidates earlier, and as a
/// last line of defence this builder falls back to the recommended product's category.
public struct ReasonBuilder: Sendable {
    let products: [SnapshotProduct]
    let categories: [String]

    public init(snapshot: Snapshot) {
        products = snapshot.products
        categories = snapshot.categories
    }

    /// The plain-words reason for recommending `product` because of `reason`.
    public func text(for reason: Reason, product: ProductIndex) -> String {
        if let anchor = reason.anchor, isSensitive(anchor) {
            return text(for: .popular(category: category(of: product)), product: product)
        }
        switch reason {
        case .boughtBefore(let anchor): return "Because you bought the \(title(anchor))"
        case .boughtTogether(let anchor): return "Often bought together with the \(title(anchor))"
        case .buyAgain: return "You have bought this before"
        case .restock(let days, let personal):
            let every = Self.every(days)
            return personal
                ? "Time to restock: you usually reorder every \(every)"
                : "Time to restock: most customers reorder every \(every)"
        case .nextStep(let after, let lag):
            return "Customers who bought the \(title(after)) often add this \(Self.later(lag)) later"
        case .similar(let anchor): return "Similar to the \(title(anchor))"
        case .popular(let category): return "Popular\(phrase(category)) this month"
        case .trending(let category): return "Trending\(phrase(category)) right now"
        case .newArrival(let category): return "New arrival\(phrase(category))"
        case .premium(let category): return "A premium pick\(phrase(category))"
        case .shopPick(let category): return "Our pick\(phrase(category))"
        case .favouriteCategory(let category):
            guard category >= 0, Int(category) < categories.count else { return "Picked for you from your past orders" }
            return "Picked from \(categories[Int(category)]), a category you often buy from"
        case .pickedForYou: return "Picked for you from your past orders"
        case .pageTopic(let term, let category):
            if let category, category >= 0, Int(category) < categories.count {
                return "From \(categories[Int(category)]), what this page is about"
            }
            return "Goes with “\(term)”"
        case .boughtBy(let customers): return "Bought by \(customers) customers in the last 3 months"
        case .statedPreference(let category):
            if let category, category >= 0, Int(category) < categories.count {
                return "Because you told us you like \(categories[Int(category)])"
            }
            return "In the price range you told us you like"
        case .seasonal(let month, let recurring):
            let name = Self.months[(month - 1 + 12) % 12]
            return recurring ? "Popular every \(name)" : "Popular last \(name)"
        }
    }

    /// `" in Candles"`, or empty without a category.
    private func phrase(_ category: Int32?) -> String {
        guard let category, category >= 0, Int(category) < categories.count else { return "" }
        return " in \(categories[Int(category)])"
    }

    private func title(_ product: ProductIndex) -> String {
        let p = Int(product)
        return p >= 0 && p < products.count ? products[p].title : "item"
    }

    private func isSensitive(_ product: ProductIndex) -> Bool {
        let p = Int(product)
        return p >= 0 && p < products.count && products[p].sensitive
    }

    private func category(of product: ProductIndex) -> Int32? {
        let p = Int(product)
        guard p >= 0, p < products.count, products[p].category >= 0 else { return nil }
        return products[p].category
    }

    /// The length of `days` in words for "every …": `3 days`, `week`, `4 weeks`, `3 months`.
    static func every(_ days: Float) -> String {
        let (count, unit) = rounded(days)
        return count == 1 ? unit : "\(count) \(unit)s"
    }

    /// The length of `days` in words for "… later": `3 days`, `a week`, `about 6 weeks`, `about 3 months`.
    static func later(_ days: Float) -> String {
        let (count, unit) = rounded(days)
        if count == 1 { return unit == "day" ? "a day" : "about a \(unit)" }
        return unit == "day" ? "\(count) days" : "about \(count) \(unit)s"
    }

    /// Days under 10 stay days; then weeks up to 10 weeks; then months.
    private static func rounded(_ days: Float) -> (Int, String) {
        if days < 9.5 { return (max(1, Int(days.rounded())), "day") }
        if days < 70 { return (max(1, Int((days / 7).rounded())), "week") }
        return (max(1, Int((days / 30.44).rounded())), "month")
    }

    /// Month names as reasons say them: copy is in English whatever the machine's locale.
    public static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
}
