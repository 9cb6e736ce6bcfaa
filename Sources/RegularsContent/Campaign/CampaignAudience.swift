import Foundation
import RegularsData
import RegularsRecommend
import RegularsSegments

/// Who a campaign writes to, and who it leaves out and why.
///
/// A recipient is in the segment, accepts marketing, has not opted out of personalization, has an e-mail
/// address, and has at least one product to show that is not sensitive. The checks run in that order and a
/// customer is counted under the first one they fail.
public struct CampaignAudience: Sendable {
    /// Why a segment member gets no e-mail; the raw values are summary.json's keys.
    public enum SkipReason: String, Sendable, Codable, CaseIterable {
        case optedOut = "opted_out"
        case noMarketingConsent = "no_marketing_consent"
        case noEmail = "no_email"
        case noRecommendations = "no_recommendations"
        /// In an arm of an experiment on this e-mail placement that sends nothing (`none`).
        case experimentArmWithoutEmail = "experiment_arm_without_email"
        /// Asked for fewer e-mails on the preference page, and had one in the last 30 days.
        case fewerEmails = "fewer_emails"
    }

    public var recipients: [CampaignRecipient]
    public var skipped: [SkipReason: Int]
    /// The members an experiment on the placement assigned an arm (sent or not): its units from this campaign.
    public var exposures: [ExperimentExposure] = []
    /// Segment members before any check.
    public var members: Int

    /// Selects the members of `segment` in `snapshot` (the store's, with personal details) and asks
    /// `recommender` for each one's products.
    /// - Parameters:
    ///   - promote: a SKU to feature first for everyone (unless sensitive or unknown).
    ///   - handles: catalog handles by SKU, for product links.
    ///   - limit: at most this many recipients (the first in snapshot order), for trial runs.
    ///   - heldOut: the permanent holdout: these customers get the anonymous list, not a personal one.
    ///   - offers: the customers the offer policy gives an incentive (read by an `offer-policy` arm).
    ///   - season: only members who buy mainly in this season ("bought in summer, nothing since": lapsed, summer).
    ///   - experiment: a running experiment on the playbook's placement: each member's arm chooses the recipe of
    ///     their products (`none`: no e-mail), exposed at `exposedAt`.
    public static func select(
        segment: LifecycleSegment, playbook: Playbook, snapshot: Snapshot, predictions: PredictionReport,
        recommender: Recommender, voice: BrandVoice, handles: [SKU: String], asOf: Date, promote: SKU? = nil,
        limit: Int? = nil, heldOut: Set<CustomerID> = [], season: Season? = nil,
        preferences: [CustomerID: StatedPreferences] = [:], recentlyEmailed: Set<CustomerID> = [],
        offers: Set<CustomerID> = [],
        experiment: ExperimentRecord? = nil, exposedAt: Int64 = 0
    ) -> CampaignAudience {
        var audience = CampaignAudience(recipients: [], skipped: [:], members: 0)
        let catalog = CatalogFacts(snapshot: snapshot, voice: voice, handles: handles)
        for prediction in predictions.customers
        where prediction.segments.contains(segment) && (season == nil || prediction.season == season) {
            guard let index = snapshot.customerIndexByID[prediction.customerID] else { continue }
            audience.members += 1
            let customer = snapshot.customers[Int(index)]
            let email = customer.email?.trimmingCharacters(in: .whitespaces) ?? ""
            let reason: SkipReason? =
                customer.optedOut
                ? .optedOut
                : !customer.acceptsMarketing
                    ? .noMarketingConsent
                    : !email.contains("@")
                        ? .noEmail
                        : preferences[customer.id]?.fewerEmails == true && recentlyEmailed.contains(customer.id)
                            ? .fewerEmails : nil
            if let reason {
                audience.skipped[reason, default: 0] += 1
                continue
            }
            if let limit, audience.recipients.count >= limit { continue }
            var recipe: PlacementRecipe?
            var byPolicy = false
            if let experiment, let arm = experiment.arm(for: customer.id) {
                audience.exposures.append(
                    ExperimentExposure(
                        experiment: experiment.name, unit: customer.id, arm: arm.name, firstAt: exposedAt))
                switch recommender.rules.armRecipe(named: arm.recipe) {
                case .nothing:
                    audience.skipped[.experimentArmWithoutEmail, default: 0] += 1
                    continue
                case .recipe(let chosen): recipe = chosen
                case .offerPolicy: byPolicy = true
                case .placementDefault, nil: break
                }
            }
            let products = Self.products(
                for: heldOut.contains(customer.id) ? nil : customer.id, playbook: playbook, recommender: recommender,
                catalog: catalog, asOf: asOf, promote: promote, recipe: recipe, stated: preferences[customer.id])
            guard !products.isEmpty else {
                audience.skipped[.noRecommendations, default: 0] += 1
                continue
            }
            var recipient = CampaignRecipient(
                customerID: customer.id, email: email, firstName: Self.cleanName(customer.firstName),
                lastPurchase: catalog.lastPurchase(of: index, in: snapshot), products: products)
            if byPolicy { recipient.incentive = offers.contains(customer.id) }
            audience.recipients.append(recipient)
        }
        return audience
    }

    /// The playbook's products for one customer: the promoted SKU first, then the placement's list, never a
    /// sensitive product, at most `playbook.productCount`.
    static func products(
        for customer: CustomerID?, playbook: Playbook, recommender: Recommender, catalog: CatalogFacts, asOf: Date,
        promote: SKU?, recipe: PlacementRecipe? = nil, stated: StatedPreferences? = nil
    ) -> [FeaturedProduct] {
        var request = RecommendationRequest(
            placement: playbook.placement, customer: customer, limit: playbook.productCount + 4, asOf: asOf)
        request.recipe = recipe
        request.stated = customer == nil ? nil : stated
        let promoted = promote.flatMap { catalog.featured(sku: $0, reason: "One of our favourites right now") }
        return catalog.featured(
            recommender.listOrAnonymous(request), count: playbook.productCount, after: promoted.map { [$0] } ?? [])
    }

    /// Whether a reason speaks of the customer's own purchases (so a "goes with what you have" note fits).
    static func isPersonal(_ reason: Reason) -> Bool {
        switch reason {
        case .boughtBefore, .boughtTogether, .nextStep, .similar, .buyAgain, .restock, .premium, .favouriteCategory,
            .statedPreference:
            true
        case .popular, .trending, .newArrival, .shopPick, .pickedForYou, .pageTopic, .boughtBy, .seasonal: false
        }
    }

    /// A first name fit for a greeting: trimmed, not an e-mail address, not empty.
    static func cleanName(_ name: String?) -> String? {
        guard let trimmed = name?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty,
            !trimmed.contains("@")
        else { return nil }
        return trimmed
    }
}

extension Recommender {
    /// The request's list; for a customer the models have not seen (imported after the last training), the list
    /// an anonymous visitor with the same context gets.
    func listOrAnonymous(_ request: RecommendationRequest) -> [Recommendation] {
        ((try? recommend(request)) ?? (try? recommend(request.anonymous)))?.items ?? []
    }
}
