import Foundation
import RegularsData

/// What may be shown at all, and the boosted products no model proposed.
extension RulesApplication {
    /// Why `product` may not be shown in this context, or `nil` when it may.
    func exclusion(
        of product: ProductIndex, context: RecommendationContext, privacy: PrivacyGuard, ownedFamilies: Set<Int32> = []
    ) -> String? {
        let p = Int(product)
        if let why = catalog.exclusion[p] { return why }
        if !privacy.allows(product, in: context.placement) { return "sensitive (never in e-mails)" }
        // Empty sets are the rule (no cart, no exclusion list): asked first, they spare hundreds of hashes a request.
        if !context.excluded.isEmpty, context.excluded.contains(product) { return "in the cart or on the page" }
        if !excludedProducts.isEmpty, excludedProducts.contains(product) { return "on the exclusion list" }
        if !excludedCategories.isEmpty, excludedCategories.contains(catalog.category[p]) { return "category excluded" }
        if let minimum = rules.minimumMargin, let margin = catalog.margin[p] {
            if margin < minimum { return String(format: "margin %.0f%% below %.0f%%", margin * 100, minimum * 100) }
        }
        for range in rules.priceRanges where range.placement == nil || range.placement == context.placement {
            guard let price = catalog.price[p] else { continue }
            if let minimum = range.minimum, price < minimum { return "price below \(minimum)" }
            if let maximum = range.maximum, price > maximum { return "price above \(maximum)" }
        }
        if durable[p] {
            if context.owned.contains(product) { return "already owned (durable)" }
            if ownedFamilies.contains(family[p]) { return "another variant already owned (durable)" }
        }
        return nil
    }

    /// Why an e-mail leaves `candidate` out under a probability floor: the ranker gives it less, or it is a
    /// shop-wide filler the ranker did not score. A shorter e-mail beats one padded with unlikely picks.
    func belowFloor(_ candidate: Candidate, _ floor: Double) -> String? {
        if let p = candidate.probability {
            guard Double(p) < floor else { return nil }
            return String(format: "purchase probability %.1f%% below the e-mail floor %.1f%%", p * 100, floor * 100)
        }
        guard candidate.model == "popular" || candidate.model == "trending" else { return nil }
        return "a shop-wide filler without a purchase probability (e-mail floor)"
    }

    /// Whether `product` is a new arrival as of `date`.
    func isNewArrival(_ product: ProductIndex, asOf date: Date) -> Bool {
        guard let created = products[Int(product)].createdAt else { return false }
        let age = date.timeIntervalSince(created)
        return age >= 0 && age < Double(rules.newArrivalDays) * DayNumber.interval
    }

    /// Boosted products no source proposed, so that a boost gives a new or strategic product a fair chance:
    /// every SKU boost, and every new arrival (but sensitive ones) when new arrivals are boosted, while the boost
    /// lasts.
    func boostedExtras(asOf date: Date, newestFirst: [(product: ProductIndex, created: Int64)]) -> [Proposal] {
        var out: [Proposal] = []
        for (boost, product, _) in boosts where boost.factor > 1 && (boost.until.map { date < $0 } ?? true) {
            if let product {
                let category = catalog.category[Int(product)]
                let reason: Reason =
                    isNewArrival(product, asOf: date)
                    ? .newArrival(category: category >= 0 ? category : nil)
                    : .shopPick(category: category >= 0 ? category : nil)
                out.append(Proposal(product: product, score: 1, reason: reason, model: "boosted"))
            }
            if boost.newArrivals == true {
                // Sensitive new arrivals are not pushed anywhere they were not proposed.
                for (p, _) in newestFirst where isNewArrival(p, asOf: date) && !products[Int(p)].sensitive {
                    let category = catalog.category[Int(p)]
                    out.append(
                        Proposal(
                            product: p, score: 1, reason: .newArrival(category: category >= 0 ? category : nil),
                            model: "new_arrivals"))
                }
            }
        }
        return out
    }
}
