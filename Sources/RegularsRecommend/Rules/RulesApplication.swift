import Foundation
import RegularsData

/// Applies a shop's `MerchandisingRules` to the blended candidates, logging every rule that fires.
///
/// Order: exclusions (out of stock, drafts, the exclusion lists, margin, price ranges, durable items the
/// customer owns, sensitive items in e-mails, picks below the e-mail floor), boosts, margin ranking, sort, the
/// per-category cap, then pins.
/// Pinned products still pass the exclusions (an out-of-stock product is never shown, pinned or not) and count
/// towards the cap, but a pin is never capped out (people decide over models).
struct RulesApplication: Sendable {
    let rules: MerchandisingRules
    let products: [SnapshotProduct]
    /// The fields the rules read per candidate, one array each.
    let catalog: CatalogColumns
    let excludedProducts: Set<ProductIndex>
    let excludedCategories: Set<Int32>
    /// Consumables: the replenishment model gives them an interval, `consumableRepeatShare` of their buyers
    /// bought again, and the gaps keep a rhythm (`consumableMaximumSpread`): restocked when due.
    let consumable: [Bool]
    /// Durables: enough buyers and almost none bought again (`durableMaximumRepeatShare`); never re-offered to an
    /// owner. Products that are neither are left to the models.
    let durable: [Bool]
    /// Per product, its variant family: products with the same vendor and the same title before " - "
    /// (Shopify's variant titles, "Enamelled Dutch Oven 6 qt - Sage"); owning one durable variant is owning them all.
    let family: [Int32]
    /// Expected margin per product over the mean of the known ones (1 when unknown).
    let marginFactor: [Double]
    let pins: [Placement: [(product: ProductIndex, slot: Int)]]
    let boosts: [(rule: MerchandisingRules.Boost, product: ProductIndex?, category: Int32?)]

    init(rules: MerchandisingRules, snapshot: Snapshot, replenishment: ReplenishmentModel, items: ItemStatistics) {
        self.rules = rules
        products = snapshot.products
        catalog = CatalogColumns(snapshot.products, hasCatalog: snapshot.hasCatalog)
        let categoryIndex = Dictionary(
            snapshot.categories.enumerated().map { ($1.lowercased(), Int32($0)) }, uniquingKeysWith: { a, _ in a })
        excludedProducts = Set(rules.excludedSKUs.compactMap { snapshot.productIndexBySKU[$0] })
        excludedCategories = Set(rules.excludedCategories.compactMap { categoryIndex[$0.lowercased()] })
        consumable = (0..<snapshot.productCount).map {
            guard let interval = replenishment.interval(of: ProductIndex($0)) else { return false }
            let days = interval.days
            let spread = Double(days.spread / max(days.median, 1e-6))
            return Double(interval.repeatShare) >= rules.consumableRepeatShare
                && spread <= rules.consumableMaximumSpread
        }
        durable = (0..<snapshot.productCount).map { p in
            Int(items.buyersAll[p]) >= rules.durableMinimumBuyers
                && Double(items.repeatShare[p]) <= rules.durableMaximumRepeatShare
        }
        var familyIndex: [String: Int32] = [:]
        family = snapshot.products.map { product in
            let base = product.title.components(separatedBy: " - ").first ?? product.title
            let key = (product.vendor ?? "") + "\u{1F}" + base
            if let known = familyIndex[key] { return known }
            let next = Int32(familyIndex.count)
            familyIndex[key] = next
            return next
        }
        let margins = snapshot.products.map { p -> Double? in
            guard let price = p.price, let cost = p.cost else { return nil }
            return price.doubleValue - cost.doubleValue
        }
        let known = margins.compactMap { $0 }
        let mean = known.isEmpty ? 1 : max(known.reduce(0, +) / Double(known.count), 1e-6)
        marginFactor = margins.map { $0.map { max($0, 0) / mean } ?? 1 }
        var pins: [Placement: [(ProductIndex, Int)]] = [:]
        for pin in rules.pins {
            guard let p = snapshot.productIndexBySKU[pin.sku] else { continue }
            pins[pin.placement, default: []].append((p, max(1, pin.slot)))
        }
        self.pins = pins.mapValues { $0.sorted { $0.1 < $1.1 } }
        boosts = rules.boosts.map { boost in
            (
                boost, boost.sku.flatMap { snapshot.productIndexBySKU[$0] },
                boost.category.flatMap { categoryIndex[$0.lowercased()] }
            )
        }
    }

    /// The curated list, at most `context.limit` long, and the rules that fired.
    func apply(
        to pool: CandidatePool, context: RecommendationContext, privacy: PrivacyGuard
    ) -> (kept: [Candidate], events: [RuleEvent]) {
        var events: [RuleEvent] = []
        var ownedFamilies = Set<Int32>()
        for product in context.owned where durable[Int(product)] { ownedFamilies.insert(family[Int(product)]) }
        var ranked: [Candidate] = []
        ranked.reserveCapacity(pool.candidates.count)
        // A known customer's list carries the ranker's probabilities: margin ranking multiplies those, not the
        // blended scores, whose scale means nothing outside the list.
        let probabilistic = rules.rankByExpectedMargin && pool.candidates.contains { $0.probability != nil }
        let floor = context.placement.isEmail && context.customer != nil ? rules.emailMinimumProbability : nil
        for var candidate in pool.candidates {
            if let why =
                exclusion(of: candidate.product, context: context, privacy: privacy, ownedFamilies: ownedFamilies)
                ?? floor.flatMap({ belowFloor(candidate, $0) })
            {
                events.append(RuleEvent(.excluded, sku: products[Int(candidate.product)].sku, detail: why))
                continue
            }
            for (boost, product, category) in boosts {
                if let until = boost.until, context.asOf >= until { continue }
                let matches =
                    product == candidate.product
                    || (category != nil && category == catalog.category[Int(candidate.product)])
                    || (boost.newArrivals == true && isNewArrival(candidate.product, asOf: context.asOf))
                guard matches, boost.factor != 1 else { continue }
                candidate.score *= boost.factor
                let detail =
                    String(format: "×%g", boost.factor)
                    + (boost.until.map { " until \(Timestamp.isoDay(Int64($0.timeIntervalSince1970)))" } ?? "")
                candidate.rules.append("boosted \(detail)")
                events.append(RuleEvent(.boosted, sku: products[Int(candidate.product)].sku, detail: detail))
            }
            if rules.rankByExpectedMargin { candidate.score *= marginFactor[Int(candidate.product)] }
            ranked.append(candidate)
        }
        // Probability × relative margin first (0 for a pick the ranker did not score), then the blended score.
        let expectedMargin = { (c: Candidate) in
            probabilistic ? Double(c.probability ?? 0) * marginFactor[Int(c.product)] : 0
        }
        // Sorted as small keys, then gathered: a candidate is a large value (reason, rules), and moving hundreds
        // of them through a sort was 6 % of a request. The position breaks the last ties, as a stable sort would.
        var order = ranked.indices.map { (margin: expectedMargin(ranked[$0]), score: ranked[$0].score, at: $0) }
        order.sort { x, y in
            if x.margin != y.margin { return x.margin > y.margin }
            if x.score != y.score { return x.score > y.score }
            let (a, b) = (ranked[x.at].product, ranked[y.at].product)
            return a != b ? a < b : x.at < y.at
        }
        ranked = order.map { ranked[$0.at] }

        // Pins that may be shown, each once, with the candidate's own reason when a model proposed it.
        var pinned: [(candidate: Candidate, slot: Int)] = []
        for (product, slot) in pins[context.placement] ?? []
        where !pinned.contains(where: { $0.candidate.product == product }) {
            let sku = products[Int(product)].sku
            if let why = exclusion(
                of: product, context: context, privacy: privacy, ownedFamilies: ownedFamilies)
            {
                events.append(RuleEvent(.excluded, sku: sku, detail: "pinned to slot \(slot) but \(why)"))
                continue
            }
            let category = catalog.category[Int(product)]
            var candidate =
                ranked.first { $0.product == product }
                ?? Candidate(
                    product: product, score: 0, best: 0, reason: .shopPick(category: category >= 0 ? category : nil),
                    model: "pinned")
            candidate.rules.append("pinned to slot \(slot)")
            events.append(RuleEvent(.pinned, sku: sku, detail: "slot \(slot)"))
            pinned.append((candidate, slot))
        }
        let pinnedProducts = Set(pinned.map(\.candidate.product))
        let free = max(0, context.limit - pinned.count)
        var perCategory: [Int32: Int] = [:]
        var families = Set<Int32>()
        for entry in pinned {
            perCategory[catalog.category[Int(entry.candidate.product)], default: 0] += 1
            families.insert(family[Int(entry.candidate.product)])
        }
        var kept: [Candidate] = []
        // Stops when the list is full: the rest would only be copied (a candidate carries its reason and rules).
        for candidate in ranked where !pinnedProducts.contains(candidate.product) {
            if kept.count >= free { break }
            let category = catalog.category[Int(candidate.product)]
            if rules.oneVariantPerProduct, !families.insert(family[Int(candidate.product)]).inserted {
                events.append(
                    RuleEvent(
                        .capped, sku: products[Int(candidate.product)].sku, detail: "another variant already listed"))
                continue
            }
            if let cap = rules.maximumPerCategory, category >= 0, perCategory[category, default: 0] >= cap {
                events.append(
                    RuleEvent(
                        .capped, sku: products[Int(candidate.product)].sku, detail: "\(cap) already from this category")
                )
                continue
            }
            perCategory[category, default: 0] += 1
            kept.append(candidate)
        }
        for (candidate, slot) in pinned where kept.count < context.limit {
            kept.insert(candidate, at: min(slot - 1, kept.count))
        }
        return (kept, events)
    }
}
