import Foundation
import Mustache
import RegularsData
import RegularsRecommend
import RegularsSegments

/// Writes homepage banners: chooses the angle from the segment and the products the served recommender proposes
/// for it, words it from the phrases (`banner_headline`, `banner_subline`, `banner_cta`, by angle, `@source` for
/// a traffic source's version), and runs the e-mail fact check over the result.
public struct BannerComposer: Sendable {
    public let voice: BrandVoice
    public let templates: TemplateSet
    public let recommender: Recommender
    public let catalog: CatalogFacts

    public static let productCount = 3
    public static let sublineLimit = 140
    public static let ctaLimit = 30
    /// The placeholders banner phrasings may use: nothing about the visitor.
    public static let placeholders: Set<String> = ["shop_name", "where", "top_pick"]

    public init(voice: BrandVoice, templates: TemplateSet, recommender: Recommender, catalog: CatalogFacts) {
        self.voice = voice
        self.templates = templates
        self.recommender = recommender
        self.catalog = catalog
    }

    /// The banner for a visitor in `segment` (`nil`: anonymous). With `customer`, the products are theirs;
    /// without, the segment's (what the dashboard and `regulars banners` show).
    public func banner(
        segment: LifecycleSegment?, customer: CustomerID? = nil, session: [SKU] = [], source: TrafficSource? = nil,
        asOf: Date
    ) -> Banner {
        // SKUs the models have not seen (new since training, or mistyped) say nothing; they must not empty the list.
        let known = session.filter { recommender.models.snapshot.productIndexBySKU[$0] != nil }
        let (angle, products) = choose(
            segment: segment, customer: customer, session: known, source: source, asOf: asOf)
        return compose(segment: segment, angle: angle, products: products, unit: customer, source: source)
    }

    /// The segment's banner as the owner sees it: the angle most of a sample of its members get (up to 60, evenly
    /// spread), with the products shown to the most of them, each with its most common reason.
    public func banner(
        segment: LifecycleSegment, members: [CustomerID], source: TrafficSource? = nil, asOf: Date
    ) -> Banner {
        let sorted = members.sorted()
        let step = max(1, sorted.count / 60)
        let sample = stride(from: 0, to: sorted.count, by: step).prefix(60).map { sorted[$0] }
        guard !sample.isEmpty else { return banner(segment: segment, source: source, asOf: asOf) }
        var byAngle: [BannerAngle: [[FeaturedProduct]]] = [:]
        for member in sample {
            let (angle, products) = choose(segment: segment, customer: member, session: [], source: source, asOf: asOf)
            byAngle[angle, default: []].append(products)
        }
        let (angle, lists) = byAngle.max {
            $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key.rawValue > $1.key.rawValue
        }!
        var shown: [SKU: (product: FeaturedProduct, count: Int, reasons: [String: Int])] = [:]
        for list in lists {
            for product in list {
                shown[product.sku, default: (product, 0, [:])].count += 1
                shown[product.sku]!.reasons[product.reason, default: 0] += 1
            }
        }
        let products = shown.values.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.product.sku < $1.product.sku
        }.prefix(Self.productCount).map { entry in
            var product = entry.product
            product.reason = entry.reasons.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
            return product
        }
        return compose(segment: segment, angle: angle, products: Array(products), unit: nil, source: source)
    }

    /// Words the banner for its angle and products, and checks it.
    func compose(
        segment: LifecycleSegment?, angle: BannerAngle, products: [FeaturedProduct], unit customer: CustomerID?,
        source: TrafficSource?
    ) -> Banner {
        let style = source.map(voice.style(for:))
        let shared = Self.sharedCategory(products)
        var values = ["shop_name": voice.shopName, "where": shared.map { "in \($0)" } ?? "in the shop"]
        values["top_pick"] = products.first.map { LastPurchase.shortTitle($0.title) } ?? "our favourites"
        let unit = customer ?? segment?.rawValue ?? "anonymous"
        let tone = style?.tone ?? voice.tone
        func pick(_ slot: String) -> String {
            let options = templates.variants(slot: slot, angle: angle.rawValue, tone: tone, source: source)
            guard !options.isEmpty else { return "" }
            let index = CopyVariation.index(
                customer: unit, slot: "banner/\(angle.rawValue)/\(slot)", count: options.count)
            return CampaignComposer.tidy(options[index].render(values))
        }
        let limit = style?.short == true ? SourceStyle.shortLimit : CampaignComposer.subjectLimit
        let mark = (style?.emoji ?? voice.emoji) ? CampaignComposer.emoji(angle: segment?.rawValue ?? "") : nil
        var headline = CampaignComposer.cut(pick("banner_headline"), to: limit - (mark == nil ? 0 : 2))
        if let mark { headline += " " + mark }
        var subline = pick("banner_subline")
        if style?.short == true { subline = CampaignComposer.firstSentence(subline) }
        let cta = pick("banner_cta")
        let link =
            shared.map(voice.collectionURL(category:)) ?? products.first?.url ?? voice.collectionURL(category: "all")
        var banner = Banner(
            audience: segment?.rawValue ?? "anonymous", angle: angle, source: source?.name, headline: headline,
            subline: subline, cta: cta, link: link, category: shared, products: products,
            reason: Self.reason(segment: segment, angle: angle, products: products, source: source), problems: [])
        banner.problems = check(banner, style: style, headlineLimit: limit)
        return banner
    }

    /// The angle and its products: the segment's first choice when the shop has products that make it true
    /// (new arrivals for early access, arrivals since the last order for "what's new"), else its fallback.
    func choose(
        segment: LifecycleSegment?, customer: CustomerID?, session: [SKU], source: TrafficSource?, asOf: Date
    ) -> (BannerAngle, [FeaturedProduct]) {
        func list(_ recipe: PlacementRecipe?, keep: (Recommendation) -> Bool = { _ in true }) -> [FeaturedProduct] {
            var request = RecommendationRequest(
                placement: .home, customer: customer, session: session,
                referral: source.map { ReferralSource(source: $0.name) }, limit: Self.productCount + 6, asOf: asOf)
            request.recipe = recipe
            return catalog.featured(recommender.listOrAnonymous(request), count: Self.productCount, keep: keep)
        }
        let isNew = { (item: Recommendation) -> Bool in if case .newArrival = item.signal { true } else { false } }
        switch segment {
        case nil:
            return (.visitor, list(nil))
        case .new:
            return (.welcome, list(PlacementRecipe([.init(.bestsellers, 1), .init(.categoryPicks, 0.5)])))
        case .loyal, .highSpender:
            let arrivals = list(PlacementRecipe([.init(.newArrivals, 1)]), keep: isNew)
            if !arrivals.isEmpty { return (.earlyAccess, arrivals) }
            return (
                .thanks,
                list(PlacementRecipe([.init(.premium, 1), .init(.purchaseComplements, 0.9), .init(.bestsellers, 0.4)]))
            )
        case .lapsed, .lost:
            // New since their last order: arrivals after it, for a known customer; for the segment, arrivals
            // within the 90 days that every lapsed customer has been away.
            let since = lastOrder(of: customer) ?? asOf.addingTimeInterval(-90 * DayNumber.interval)
            let arrivals = list(PlacementRecipe([.init(.newArrivals, 1)])) { item in
                guard isNew(item), let index = catalog.snapshot.productIndexBySKU[item.sku],
                    let created = catalog.snapshot.products[Int(index)].createdAt
                else {
                    return false
                }
                return created > since
            }
            if !arrivals.isEmpty { return (.whatsNew, arrivals) }
            return (.welcomeBack, list(PlacementRecipe([.init(.categoryPicks, 1), .init(.bestsellers, 0.6)])))
        case .atRisk:
            return (
                .welcomeBack,
                list(PlacementRecipe([.init(.replenishment, 1), .init(.categoryPicks, 0.9), .init(.bestsellers, 0.6)]))
            )
        case .active, .giftBuyer:
            return (
                .forYou,
                list(
                    PlacementRecipe([
                        .init(.personal, 1), .init(.purchaseComplements, 0.9), .init(.categoryPicks, 0.5),
                        .init(.bestsellers, 0.3),
                    ]))
            )
        }
    }

    /// When the customer last ordered, from the store's snapshot.
    func lastOrder(of customer: CustomerID?) -> Date? {
        let snapshot = catalog.snapshot
        guard let customer, let index = snapshot.customerIndexByID[customer],
            let order = snapshot.orders(of: index).last
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(snapshot.orderTime[order]))
    }

    /// The same check as an LLM's e-mail draft (`DraftCheck`): prices, sensitive products, words the voice avoids,
    /// links, phone numbers, invented SKUs; the source's emoji rule; and the lengths a banner has room for.
    func check(_ banner: Banner, style: SourceStyle?, headlineLimit: Int) -> [String] {
        let facts = banner.products.map { product in
            SegmentPrompt.ProductFact(
                sku: product.sku, title: product.title, category: product.category,
                price: product.price.map(voice.price), reason: product.reason)
        }
        let check = DraftCheck(facts: facts, catalog: catalog, voice: voice)
        var problems: [String] = []
        for (slot, text, limit) in [
            ("headline", banner.headline, headlineLimit), ("subline", banner.subline, Self.sublineLimit),
            ("cta", banner.cta, Self.ctaLimit),
        ] {
            if text.isEmpty { problems.append("\(slot): empty") }
            if text.count > limit { problems.append("\(slot): longer than \(limit) characters") }
            problems += check.problems(in: text, slot: slot, placeholders: [])
            if let style { problems += DraftCheck.styleProblems(in: text, slot: slot, style: style) }
        }
        if banner.products.isEmpty { problems.append("products: none to show") }
        return problems
    }

    /// The category at least two of the products share (the most common one), else `nil`.
    static func sharedCategory(_ products: [FeaturedProduct]) -> String? {
        var count: [String: Int] = [:]
        for product in products { if let category = product.category { count[category, default: 0] += 1 } }
        return count.filter { $0.value >= 2 }.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// "Lapsed (no order in 90 days or more): what has arrived since their last order (3 new arrivals); written
    /// for visitors from instagram."
    static func reason(
        segment: LifecycleSegment?, angle: BannerAngle, products: [FeaturedProduct], source: TrafficSource?
    ) -> String {
        let who = segment.map { "\($0.title) customers" } ?? "Anonymous visitors"
        let what =
            products.isEmpty ? "no products to show" : "\(products.count) product\(products.count == 1 ? "" : "s")"
        return "\(who): \(angle.purpose) (\(what))" + (source.map { "; written for visitors from \($0)" } ?? "") + "."
    }
}
