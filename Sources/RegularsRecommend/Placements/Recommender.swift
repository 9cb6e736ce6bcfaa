import Foundation
import RegularsData

/// Turns the trained models into what one placement shows one visitor: candidates from the placement's
/// recipe, blended, filtered and curated by the shop's rules, each with one plain-words reason.
///
/// Build once per model set and rules file (O(products)); `recommend` is the hot path: it touches only the
/// customer's own lines and the models' stored neighbour rows, well under a millisecond on a shop of a few
/// thousand products.
///
/// ```swift
/// let recommender = Recommender(models: models, rules: rules)
/// let list = try recommender.recommend(.init(placement: .checkout, cart: ["LODGE-L8SK3"], limit: 4))
/// ```
public struct Recommender: Sendable {
    public let models: ModelSet
    public let rules: MerchandisingRules
    let privacy: PrivacyGuard
    let reasons: ReasonBuilder
    let curation: RulesApplication
    /// Products with a creation date, newest first, as (product, seconds since 1970).
    let newestFirst: [(product: ProductIndex, created: Int64)]
    /// Per category, the price at or above which an item is premium (the top quarter), `Money.units`.
    let premiumPrice: [Int64]
    /// Word → the products with it in their title, and the products with it in their category's name: a page's
    /// topic looks up its few words instead of scanning the catalog on every request.
    let titleIndex: [String: [ProductIndex]]
    let categoryIndex: [String: [ProductIndex]]
    /// Products whose sales gather in one month of the year.
    public let seasons: SeasonalProfiles
    /// The `seasonal` source's list of each month, January first (`Recommender.seasonalLists`).
    let seasonalByMonth: [[Proposal]]
    /// The ranker's lists computed ahead (`precomputePersonalLists`); empty until then. Shared by the copies of
    /// this recommender.
    public let personalLists = PersonalLists()

    public init(models: ModelSet, rules: MerchandisingRules = .init()) {
        self.models = models
        self.rules = rules
        let snapshot = models.snapshot
        privacy = PrivacyGuard(snapshot: snapshot)
        reasons = ReasonBuilder(snapshot: snapshot)
        curation = RulesApplication(
            rules: rules, snapshot: snapshot, replenishment: models.replenishment,
            items: models.collaborative.context.items)
        newestFirst = snapshot.products.indices.compactMap { p -> (ProductIndex, Int64)? in
            let product = snapshot.products[p]
            guard let created = product.createdAt, product.hasRecord else { return nil }
            return (ProductIndex(p), Int64(created.timeIntervalSince1970))
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var prices = [[Int64]](repeating: [], count: snapshot.categories.count)
        for product in snapshot.products where product.category >= 0 {
            if let price = product.price { prices[Int(product.category)].append(price.units) }
        }
        var titles: [String: [ProductIndex]] = [:], inCategories: [String: [ProductIndex]] = [:]
        let categoryWords = snapshot.categories.map { Set(TitleTokenizer.tokens($0)) }
        for (p, product) in snapshot.products.enumerated() {
            for word in Set(TitleTokenizer.tokens(product.title)) { titles[word, default: []].append(ProductIndex(p)) }
            guard product.category >= 0 else { continue }
            for word in categoryWords[Int(product.category)] { inCategories[word, default: []].append(ProductIndex(p)) }
        }
        titleIndex = titles
        seasons = SeasonalProfiles(snapshot: snapshot)
        seasonalByMonth = Self.seasonalLists(seasons)
        categoryIndex = inCategories
        premiumPrice = prices.map { list in
            guard !list.isEmpty else { return .max }
            let sorted = list.sorted()
            return sorted[min(sorted.count - 1, sorted.count * 3 / 4)]
        }
    }

    /// Computes the ranker's lists of the customers with the newest orders ahead of their requests, on every
    /// core (`PersonalLists`); returns when they are published. A server calls it after loading a model set,
    /// off the request path; answers are the same before and after, only faster after.
    public func precomputePersonalLists(budget: Int = PersonalLists.defaultBudget) {
        personalLists.compute(models.collaborative, budget: budget)
    }

    /// The list for one request, best first, at most `request.limit` long.
    /// - Throws: `RecommendationError` for an unknown customer or SKU.
    public func recommend(_ request: RecommendationRequest) throws -> RecommendationList {
        var context = try RecommendationContext(
            request, snapshot: models.snapshot, privacy: privacy, defaultAsOf: models.asOf)
        let recipe = request.recipe ?? rules.recipe(for: context.placement, page: request.pageType)
        // Scored once: for the personal source, and for the rules that read a probability.
        let needsRanker =
            recipe.ingredients.contains { $0.source == .personal } || rules.rankByExpectedMargin
            || (context.placement.isEmail && rules.emailMinimumProbability != nil)
        if let customer = context.customer, needsRanker {
            context.ranked =
                (context.excludeOwned ? nil : personalLists.list(for: customer))
                ?? models.collaborative.scored(customer: customer, excludeHistory: context.excludeOwned)
        }
        if context.customer != nil, recipe.ingredients.contains(where: { $0.source.readsEvidence }) {
            context.evidence = dayEvidence(context)
        }
        var pool = CandidatePool(privacy: privacy, excluded: context.excluded)
        for ingredient in recipe.ingredients {
            if ingredient.source.isGeneric && context.hasSessionSignal { continue }
            pool.add(proposals(from: ingredient.source, context: context), weight: ingredient.weight)
        }
        // Boosted products that no source proposed enter at the weight of a filler; the boost does the rest.
        let extras = curation.boostedExtras(asOf: context.asOf, newestFirst: newestFirst)
        if !extras.isEmpty { pool.add(extras.filter { !pool.contains($0.product) }, weight: 0.25) }
        if let ranked = context.ranked { pool.attach(ranked) }
        let curated = curation.apply(to: pool, context: context, privacy: privacy)
        // The closure reads locals: capturing `self` copied the whole recommender for every request.
        let products = models.snapshot.products, reasons = reasons
        let items = curated.kept.map { candidate in
            let product = products[Int(candidate.product)]
            return Recommendation(
                product: candidate.product, sku: product.sku, title: product.title, price: product.price,
                score: candidate.score, model: candidate.model,
                reason: reasons.text(for: candidate.reason, product: candidate.product), signal: candidate.reason,
                rules: candidate.rules, suggestedDate: candidate.date,
                probability: candidate.probability.map(Double.init))
        }
        return RecommendationList(
            placement: context.placement, items: items, events: curated.events, personalized: context.customer != nil)
    }
}
