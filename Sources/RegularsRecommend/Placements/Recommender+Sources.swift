import Foundation
import RegularsData

/// The candidate sources of `PlacementRecipe`: each asks one model with the request's context.
extension Recommender {
    func proposals(from source: CandidateSource, context: RecommendationContext) -> [Proposal] {
        let n = context.fetch
        let complements = models.complements
        switch source {
        case .cartComplements:
            return complements.complements(of: privacy.anchors(context.cart), limit: n).map {
                Proposal(product: $0.product, score: $0.score, reason: Reason($0.evidence), model: "complements")
            }
        case .productSimilar:
            guard let product = context.product else { return [] }
            return models.similar.similar(to: product, limit: n).map {
                Proposal(product: $0.product, score: $0.score, reason: Reason($0.evidence), model: "similar")
            }
        case .productComplements:
            guard let product = context.product else { return [] }
            return complements.complements(of: [product], limit: n).map {
                Proposal(product: $0.product, score: $0.score, reason: Reason($0.evidence), model: "complements")
            }
        case .personal:
            return personal(context)
        case .replenishment:
            return context.evidence.restocks.map(\.restockProposal)
        case .nextSteps:
            return context.evidence.nextSteps.prefix(n).map(\.nextStepProposal)
        case .lastOrderComplements:
            guard !context.nearNew else { return [] }
            return ownedComplements(of: context.lastOrder, limit: n)
        case .purchaseComplements:
            guard !context.nearNew else { return [] }
            return ownedComplements(of: context.history.prefix(10).map(\.product), limit: n)
        case .sessionCategories:
            let counts = categoryShares(context.session.map { models.snapshot.products[Int($0)].category })
            return categoryPopular(counts, limit: n, excluding: Set(context.session), trending: true)
        case .sessionSimilar:
            guard !context.session.isEmpty else { return [] }
            return models.similar.similar(toAny: context.session, limit: n, excluding: Set(context.session)).map {
                Proposal(product: $0.product, score: $0.score, reason: Reason($0.evidence), model: "similar")
            }
        case .referral:
            let shares = context.referralCategories.map { (category: $0, share: Float(1)) }
            return categoryPopular(shares, limit: n, excluding: [], trending: false)
        case .trending:
            return models.popular.trending(limit: n).map {
                Proposal(product: $0.product, score: $0.score, reason: Reason($0.evidence), model: "trending")
            }
        case .popular, .bestsellers:
            return models.popular.top(limit: n).map {
                Proposal(product: $0.product, score: $0.score, reason: Reason($0.evidence), model: "popular")
            }
        case .categoryPicks:
            // Bestsellers of the customer's own categories: the reason names the category as theirs.
            return categoryPopular(context.customerCategories, limit: n, excluding: [], trending: false).map {
                var pick = $0
                if case .popular(let category?) = pick.reason { pick.reason = .favouriteCategory(category) }
                return pick
            }
        case .newArrivals:
            return newArrivals(context)
        case .seasonal:
            return seasonal(context)
        case .statedPreferences:
            return statedPreferences(context)
        case .premium:
            return premium(context)
        case .topic:
            return topicMatches(context)
        case .productCategoryBestsellers:
            return categoryBestsellers(context)
        }
    }

    /// Products whose title or category has the most words of the page's topic, the popular first among equals.
    /// The reason names the page's topic, or the category when only the category's name matched.
    func topicMatches(_ context: RecommendationContext) -> [Proposal] {
        guard !context.topicWords.isEmpty else { return [] }
        // Per product: how many of the topic's words it has (in its title, else in its category's name), and
        // whether one was in its title.
        var matched: [ProductIndex: (count: Int, inTitle: Bool)] = [:]
        for word in context.topicWords {
            let inTitle = Set(titleIndex[word] ?? [])
            for p in inTitle { matched[p, default: (0, false)] = (matched[p, default: (0, false)].count + 1, true) }
            for p in categoryIndex[word] ?? [] where !inTitle.contains(p) {
                matched[p, default: (0, false)].count += 1
            }
        }
        let snapshot = models.snapshot
        let popularity = models.popular.score
        let top = max(popularity.max() ?? 1, 1e-6)
        var out = matched.map { p, match in
            Proposal(
                product: p, score: Float(match.count) + popularity[Int(p)] / top,
                reason: .pageTopic(
                    term: context.topic, category: match.inTitle ? nil : snapshot.products[Int(p)].category),
                model: "topic")
        }
        out.sort { $0.score != $1.score ? $0.score > $1.score : $0.product < $1.product }
        return Array(out.prefix(context.fetch))
    }

    /// The viewed product's category's bestsellers, each with how many customers bought it in the last 90 days.
    func categoryBestsellers(_ context: RecommendationContext) -> [Proposal] {
        guard let product = context.product else { return [] }
        let category = models.snapshot.products[Int(product)].category
        guard category >= 0 else { return [] }
        let buyers = models.collaborative.context.items.buyers90
        // Fewer buyers than this make no proof worth showing.
        let minimum: Float = 5
        return models.popular.top(limit: context.fetch, category: category).compactMap {
            let count = buyers[Int($0.product)]
            guard count >= minimum, $0.product != product else { return nil }
            return Proposal(
                product: $0.product, score: count, reason: .boughtBy(customers: Int(count)), model: "popular")
        }
    }

    /// Consumables due again as of `context.asOf`, closest to their due date first (`DayEvidence`).
    func restocks(_ context: RecommendationContext) -> [DayEvidence.Timed] {
        guard let customer = context.customer else { return [] }
        let settings = models.replenishment.settings
        return models.replenishment.timing(for: customer, asOf: context.asOf)
            .filter {
                $0.dueness >= settings.dueFrom && $0.dueness <= settings.lapsedAfter
                    && curation.consumable[Int($0.product)]
            }
            .map {
                DayEvidence.Timed(
                    product: $0.product, score: min($0.dueness, 1 / $0.dueness),
                    anchor: $0.isPersonal ? DayEvidence.Timed.ownRhythm : DayEvidence.Timed.shopRhythm,
                    days: $0.everyDays, date: $0.dueDate.timeIntervalSince1970)
            }
    }

    /// The timed next steps of the customer's purchases as of `context.asOf`, best first (`DayEvidence`).
    func nextSteps(_ context: RecommendationContext, limit: Int) -> [DayEvidence.Timed] {
        guard context.customer != nil else { return [] }
        // The customer's latest purchases within the steps' longest lag, newest first: those with next steps are
        // the anchors, the others tell which steps were already taken. Capped for wholesale buyers.
        let since =
            Int64(context.asOf.timeIntervalSince1970)
            - DayNumber.seconds(Double(models.nextStep.settings.maximumLagDays))
        let purchases = context.history.lazy.filter { $0.last >= since }.prefix(100)
            .map { (product: $0.product, date: Date(timeIntervalSince1970: TimeInterval($0.last))) }
        return models.nextStep.upcoming(after: Array(purchases), asOf: context.asOf, limit: limit).map {
            DayEvidence.Timed(
                product: $0.product, score: $0.score, anchor: $0.after, days: $0.medianLagDays,
                date: $0.reachOutDate.timeIntervalSince1970)
        }
    }

    /// Complements of products the customer bought: "Because you bought the …".
    func ownedComplements(of products: [ProductIndex], limit: Int) -> [Proposal] {
        models.complements.complements(of: privacy.anchors(products), limit: limit).map {
            Proposal(
                product: $0.product, score: $0.score, reason: Reason($0.evidence, anchorIsOwned: true),
                model: "complements")
        }
    }

    /// Categories by share of `categories` (uncategorised left out), largest first.
    func categoryShares(_ categories: [Int32]) -> [(category: Int32, share: Float)] {
        var count: [Int32: Int] = [:]
        for c in categories where c >= 0 { count[c, default: 0] += 1 }
        let total = Float(max(categories.count, 1))
        return count.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { ($0.key, Float($0.value) / total) }
    }

    /// Bestsellers (and, with `trending`, risers) of each category, scaled by the category's share, so the
    /// main category's items come first.
    func categoryPopular(
        _ shares: [(category: Int32, share: Float)], limit: Int, excluding: Set<ProductIndex>, trending: Bool
    ) -> [Proposal] {
        var out: [Proposal] = []
        for (category, share) in shares.prefix(5) {
            let top = models.popular.top(limit: limit, category: category, excluding: excluding)
            let best = top.first?.score ?? 1
            for entry in top {
                out.append(
                    Proposal(
                        product: entry.product, score: share * (0.5 + 0.5 * entry.score / max(best, 1e-6)),
                        reason: .popular(category: category), model: "popular"))
            }
            guard trending else { continue }
            for entry in models.popular.trending(limit: limit / 2, category: category, excluding: excluding) {
                out.append(
                    Proposal(
                        product: entry.product, score: share * 0.9, reason: .trending(category: category),
                        model: "trending"))
            }
        }
        return out
    }

    /// Products created within `newArrivalDays` before the request, the customer's categories first, newest first.
    func newArrivals(_ context: RecommendationContext) -> [Proposal] {
        let now = Int64(context.asOf.timeIntervalSince1970)
        let window = Double(max(rules.newArrivalDays, 1)) * DayNumber.interval
        let since = now - Int64(window)
        let liked = Set(context.customerCategories.map(\.category))
        var out: [Proposal] = []
        for (product, created) in newestFirst where created <= now {
            if created < since || out.count >= context.fetch { break }
            let category = models.snapshot.products[Int(product)].category
            let freshness = Float(1 - Double(now - created) / window)
            let affinity: Float = liked.isEmpty || liked.contains(category) ? 1 : 0.6
            out.append(
                Proposal(
                    product: product, score: affinity * (0.5 + 0.5 * freshness),
                    reason: .newArrival(category: category >= 0 ? category : nil), model: "new_arrivals"))
        }
        return out
    }

    /// Bestsellers of the categories the customer said they like, first-named first, within their price bands; with
    /// bands only, the shop's bestsellers in them.
    func statedPreferences(_ context: RecommendationContext) -> [Proposal] {
        // "Fewer e-mails" alone says nothing about what they like: no proposals, no borrowed reason.
        guard let stated = context.stated, !stated.categories.isEmpty || !stated.priceBands.isEmpty else { return [] }
        let products = models.snapshot.products
        var out: [Proposal] = []
        let categories: [Int32?] = context.statedCategories.isEmpty ? [nil] : context.statedCategories
        for (rank, category) in categories.enumerated() {
            if stated.categories.isEmpty == false && category == nil { break }
            let weight = 1 / Float(1 + rank) * 0.5 + 0.5
            let top =
                category.map { models.popular.top(limit: context.fetch * 2, category: $0) }
                ?? models.popular.top(limit: context.fetch * 2)
            for entry in top where stated.accepts(price: products[Int(entry.product)].price) {
                out.append(
                    Proposal(
                        product: entry.product, score: weight * entry.score,
                        reason: .statedPreference(category: category), model: "stated_preferences"))
            }
        }
        return Array(out.sorted { $0.score > $1.score }.prefix(context.fetch))
    }

    /// Products peaking this month, then those peaking next month (bought ahead: December's in November).
    func seasonal(_ context: RecommendationContext) -> [Proposal] {
        let month = DayNumber.civil(DayNumber.day(ofSeconds: Int64(context.asOf.timeIntervalSince1970))).month
        return Array(seasonalByMonth[(month - 1) % 12].prefix(context.fetch))
    }

    /// `seasonal`'s whole list for each month (1–12), the same for every request of the month.
    static func seasonalLists(_ seasons: SeasonalProfiles) -> [[Proposal]] {
        (1...12).map { month in
            var out: [Proposal] = []
            for (offset, weight) in [(0, Float(1)), (1, Float(0.8))] {
                for profile in seasons.peaking(in: month + offset) {
                    out.append(
                        Proposal(
                            product: profile.product, score: weight * profile.share,
                            reason: .seasonal(month: profile.month, recurring: profile.recurring), model: "seasonal"))
                }
            }
            return out.sorted { $0.score > $1.score }
        }
    }

    /// The dearer popular items (top quarter by price) of the customer's categories.
    func premium(_ context: RecommendationContext) -> [Proposal] {
        var out: [Proposal] = []
        for (category, share) in context.customerCategories.prefix(5) {
            let threshold = premiumPrice[Int(category)]
            for entry in models.popular.top(limit: context.fetch, category: category) {
                guard let price = models.snapshot.products[Int(entry.product)].price, price.units >= threshold else {
                    continue
                }
                out.append(
                    Proposal(
                        product: entry.product, score: share * entry.score, reason: .premium(category: category),
                        model: "popular"))
            }
        }
        return out
    }
}
