import Foundation
import RegularsData

/// The `personal` source: the learned ranker's list for a known customer, each pick with the explicit signal
/// that best supports it.
extension Recommender {
    /// The ranker's best products for the customer (without what they own when the request asks so), from the
    /// candidates `recommend` scored once for the request, scored by their probability of purchase within 30 days.
    func personal(_ context: RecommendationContext) -> [Proposal] {
        guard let customer = context.customer, let scored = context.ranked else { return [] }
        let ranked = models.collaborative.best(
            of: scored, customer: customer, limit: context.fetch, excludeHistory: context.excludeOwned)
        guard !ranked.isEmpty else { return [] }
        var evidence = PersonalEvidence(
            snapshot: models.snapshot, complements: models.complements, similar: models.similar, context: context)
        return ranked.compactMap {
            let reason = evidence.reason(for: $0.product, context)
            // An e-mail promises a reason for every pick: one the customer's purchases cannot explain gives way to
            // the placement's other sources. On the site the ranker's whole list serves (and is what is measured).
            if context.placement.isEmail, reason == .pickedForYou { return nil }
            // A negative score is a bestseller topping up a short list, which the ranker did not score.
            return Proposal(
                product: $0.product, score: max($0.score, 0), reason: reason, model: "ranker",
                date: evidence.date(of: $0.product))
        }
    }
}

/// What the customer's own purchases say about a pick: restocks due and timed next steps (`DayEvidence`), their
/// newest purchases (the anchors a link may name) and their categories.
///
/// The ranker weighs many signals; a reason must name one that is true and explicit, so every reason here is
/// checked against a model's own link for this very pick ("Often bought with your skillet" only when the
/// complements model links the skillet to it with enough customers behind the link), never inferred from the
/// pick's rank. Links are looked up per pick (a scan of each anchor's stored row), not gathered for every
/// product an anchor links to: a list has a few dozen picks, the anchors thousands of links.
struct PersonalEvidence {
    /// Co-purchase links need at least this many customers who bought both.
    static let minimumLinkCustomers = 3
    /// Look-alikes per purchase that may be named ("Similar to the …"): the closest only.
    static let similarPerPurchase = 5
    /// Purchases a link may name, newest first.
    static let anchorCount = 50

    let evidence: DayEvidence
    /// Next steps count as a pick's reason among the best this many, as the `next_steps` source proposes them.
    let nextStepLimit: Int
    /// The customer's newest purchases, newest first, and each one's closest look-alikes: looked up when a pick
    /// first needs them (most picks are explained before, and 50 look-ups were 6 % of a request's computation).
    let anchors: [ProductIndex]
    private var lookAlikes: [[ProductIndex]]?
    let similar: SimilarItemsModel
    let categories: Set<Int32>
    let snapshot: Snapshot
    let complements: ComplementsModel

    /// Takes the models it reads, not the recommender: passing that copied its few dozen fields every request.
    init(
        snapshot: Snapshot, complements: ComplementsModel, similar: SimilarItemsModel, context: RecommendationContext
    ) {
        self.snapshot = snapshot
        self.complements = complements
        evidence = context.evidence
        nextStepLimit = context.fetch
        anchors = context.history.prefix(Self.anchorCount).map(\.product)
        self.similar = similar
        categories = Set(context.customerCategories.prefix(5).map(\.category))
    }

    /// The strongest true signal for `product`: for a product they own, a due restock, else "bought before";
    /// otherwise a timed next step, a co-purchase link from their newest purchase that has one, a close
    /// look-alike of a purchase, a category they buy from; only then a generic reason.
    mutating func reason(for product: ProductIndex, _ context: RecommendationContext) -> Reason {
        if context.owned.contains(product) {
            return evidence.restock(of: product)?.reason ?? .buyAgain
        }
        if let step = evidence.nextStep(to: product, within: nextStepLimit) { return step.reason }
        if let anchor = linkedAnchor(of: product) { return .boughtBefore(anchor: anchor) }
        if lookAlikes == nil {
            lookAlikes = anchors.map { similar.similar(to: $0, limit: Self.similarPerPurchase).map(\.product) }
        }
        if let k = lookAlikes?.firstIndex(where: { $0.contains(product) }) { return .similar(to: anchors[k]) }
        let category = snapshot.products[Int(product)].category
        if category >= 0, categories.contains(category) { return .favouriteCategory(category) }
        return .pickedForYou
    }

    /// The newest purchase whose stored complements include `product` with enough customers behind the link.
    func linkedAnchor(of product: ProductIndex) -> ProductIndex? {
        let links = complements.neighbours
        for anchor in anchors {
            for k in links.row(anchor)
            where links.neighbour[k] == product && complements.support[k] >= Self.minimumLinkCustomers {
                return anchor
            }
        }
        return nil
    }

    /// When the pick fits best, for e-mails: a restock's due date or a next step's reach-out date.
    func date(of product: ProductIndex) -> Date? {
        evidence.restock(of: product)?.date ?? evidence.nextStep(to: product, within: nextStepLimit)?.date
    }
}
