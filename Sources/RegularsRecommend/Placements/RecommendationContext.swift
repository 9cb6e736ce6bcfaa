import Foundation
import RegularsData

/// A request resolved against the trained snapshot: dense indexes, the customer's history, and the anchors
/// the privacy guard allows.
struct RecommendationContext {
    var placement: Placement
    var asOf: Date
    var limit: Int
    /// The customer, when known and not opted out.
    var customer: CustomerIndex?
    var product: ProductIndex?
    var cart: [ProductIndex] = []
    /// Non-sensitive session views, newest first, without repeats.
    var session: [ProductIndex] = []
    /// Categories named by the referral.
    var referralCategories: [Int32] = []
    /// Distinct products the customer bought, newest first, with the time of the latest purchase (seconds since
    /// 1970).
    var history: [(product: ProductIndex, last: Int64)] = []
    /// Everything the customer bought (sensitive items included: they still must not be re-offered if durable).
    var owned: Set<ProductIndex> = []
    /// The products of the customer's last order.
    var lastOrder: [ProductIndex] = []
    /// The customer's categories, most bought first (non-sensitive purchases only).
    var customerCategories: [(category: Int32, share: Float)] = []
    /// The last order is more than 12 months old: the history counts as near-new.
    var nearNew = false
    /// Never proposed: the cart and the viewed product (and, with `excludeOwned`, what the customer bought).
    var excluded: Set<ProductIndex> = []
    /// The request asked to leave out what the customer already bought.
    var excludeOwned = false
    /// The page's topic as sent (trimmed, at most 60 characters, for reasons) and its words (`PageTopic`).
    var topic = ""
    var topicWords: [String] = []
    /// The customer's stated preferences and their categories' indexes (`statedPreferences` source).
    var stated: StatedPreferences?
    var statedCategories: [Int32] = []
    /// The ranker's candidates for a known customer with their probabilities, scored once per request when the
    /// recipe has the personal source or a rule reads probabilities (`Recommender.recommend`).
    var ranked: [ScoredProduct]?
    /// The customer's restocks due and next steps as of the start of the day (`DayEvidence`), when the recipe has a
    /// source that reads them (`Recommender.recommend`).
    var evidence = DayEvidence.none

    /// The session or the referral says something about what the visitor wants.
    var hasSessionSignal: Bool { !session.isEmpty || !referralCategories.isEmpty }

    /// At most this many products of the cart, the session or the last order serve as anchors (a wholesale
    /// order of 300 lines would otherwise make the request slow without making it better).
    static let maximumAnchors = 20
    /// At most about this many of the customer's newest order lines are read per request.
    static let maximumHistoryLines = 5_000

    /// How many proposals to ask each source for, so that enough survive the rules.
    var fetch: Int { max(limit * 3, limit + 20) }

    /// Resolves `request`; throws for an unknown customer or SKU.
    init(_ request: RecommendationRequest, snapshot: Snapshot, privacy: PrivacyGuard, defaultAsOf: Date) throws {
        placement = request.placement
        asOf = request.asOf ?? defaultAsOf
        limit = max(0, request.limit)
        topicWords = PageTopic.words(request.topic)
        topic = String((request.topic ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(60))
        func resolve(_ sku: SKU, _ field: String) throws -> ProductIndex {
            guard let p = snapshot.productIndexBySKU[sku] else {
                throw RecommendationError(code: .unknownProduct(sku), field: field)
            }
            return p
        }
        if let sku = request.product { product = try resolve(sku, "product") }
        let cartItems = try request.cart.map { try resolve($0, "cart") }
        cart = Array(cartItems.prefix(Self.maximumAnchors))
        var seen = Set<ProductIndex>()
        for sku in request.session.reversed() {
            let p = try resolve(sku, "session")
            if !privacy.isSensitive(p), session.count < Self.maximumAnchors, seen.insert(p).inserted {
                session.append(p)
            }
        }
        referralCategories = request.referral?.categoryHints(in: snapshot.categories) ?? []
        excluded = Set(cartItems)
        if let product { excluded.insert(product) }
        if let id = request.customer {
            guard let c = snapshot.customerIndexByID[id] else {
                throw RecommendationError(code: .unknownCustomer, field: "customer")
            }
            if privacy.personalizes(c) {
                customer = c
                loadHistory(of: c, snapshot: snapshot, privacy: privacy)
                if let answer = request.stated, answer.customerID == id {
                    stated = answer
                    // In the order the customer gave them: the first named leads.
                    statedCategories = answer.categories.compactMap { name in
                        snapshot.categories.firstIndex(of: name).map(Int32.init)
                    }
                }
                if request.excludeOwned {
                    excludeOwned = true
                    excluded.formUnion(owned)
                }
            }
        }
    }

    /// Fills `history`, `owned`, `lastOrder`, `customerCategories` and `nearNew` from the customer's orders
    /// before `asOf`, newest first. O(lines of the customer), at most about `maximumHistoryLines`.
    private mutating func loadHistory(of customer: CustomerIndex, snapshot: Snapshot, privacy: PrivacyGuard) {
        let now = Int64(asOf.timeIntervalSince1970)
        // The lines read, counted first, size a table of the products seen: a line looks its product up there
        // once, where a set of the products seen hashed it again.
        var budget = 0
        for o in snapshot.orders(of: customer).reversed() where snapshot.orderTime[o] < now {
            if budget > Self.maximumHistoryLines { break }
            budget += snapshot.lines(of: o).count
        }
        var seen = ProductSlots(count: budget)
        var seenProducts: [ProductIndex] = []
        owned.reserveCapacity(budget)
        var categoryCount: [Int32: Int] = [:]
        var lastOrderIndex: Int?
        var linesRead = 0
        for o in snapshot.orders(of: customer).reversed() where snapshot.orderTime[o] < now {
            // A wholesale buyer's newest few thousand lines say all a list of ten needs.
            if linesRead > Self.maximumHistoryLines { break }
            linesRead += snapshot.lines(of: o).count
            if lastOrderIndex == nil { lastOrderIndex = o }
            for line in snapshot.lines(of: o) {
                let p = snapshot.lineProduct[line]
                let at = seen.slot(of: p) { seenProducts[Int($0)] }
                guard seen[at] < 0 else { continue }
                seen[at] = Int32(seenProducts.count)
                seenProducts.append(p)
                owned.insert(p)
                // A sensitive product is owned (never re-offered if durable) but not history.
                guard !privacy.isSensitive(p) else { continue }
                history.append((p, snapshot.orderTime[o]))
                let category = snapshot.products[Int(p)].category
                if category >= 0 { categoryCount[category, default: 0] += 1 }
            }
        }
        if let last = lastOrderIndex {
            var seen = Set<ProductIndex>()
            lastOrder = Array(
                snapshot.lines(of: last).map { snapshot.lineProduct[$0] }.filter {
                    !privacy.isSensitive($0) && seen.insert($0).inserted
                }.prefix(Self.maximumAnchors))
            nearNew = Double(now - snapshot.orderTime[last]) > 365 * DayNumber.interval
        }
        let total = Float(categoryCount.values.reduce(0, +))
        customerCategories = categoryCount.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { ($0.key, Float($0.value) / max(total, 1)) }
    }
}
