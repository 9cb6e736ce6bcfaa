import Foundation
import RegularsData

/// What a customer's own purchases say is due or next on one day: the restocks due and the next steps of their
/// recent purchases, best first. It backs the `replenishment` and `next_steps` sources and the reasons of the
/// ranker's picks (`PersonalEvidence`).
///
/// Both are timed in days (every 30 days, 6–8 weeks after), so they are computed as of the start of the request's
/// day (midnight UTC) and are the same all day. That lets `PersonalLists` compute them ahead, once a day, for the
/// customers most likely to ask, where every request computed them again (a sixth of a repeat customer's request
/// on online-retail). A request as of a day's start (`regulars evaluate`'s cutoff, `--as-of 2011-12-10`) reads
/// exactly what it computed before.
struct DayEvidence: Sendable {
    /// Next steps kept when computed ahead: a request's `fetch` for up to 13 items (`RecommendationContext`). A
    /// request that asks for more computes its own.
    static let nextStepLimit = 40

    /// One restock or next step in 24 bytes, where a `Proposal` takes about 60: a server keeps a day's for up to
    /// 50,000 customers.
    struct Timed: Sendable, Equatable {
        var product: ProductIndex
        var score: Float
        /// A next step: the purchase it follows. A restock: `ownRhythm` or `shopRhythm`.
        var anchor: ProductIndex
        /// A next step: the median lag, days. A restock: every how many days.
        var days: Float
        /// A next step: the day to reach out. A restock: the due date. Seconds since 1970.
        var date: Double

        static let ownRhythm: ProductIndex = -2
        static let shopRhythm: ProductIndex = -1

        var restockProposal: Proposal {
            Proposal(
                product: product, score: score, reason: .restock(everyDays: days, personal: anchor == Self.ownRhythm),
                model: "replenishment", date: Date(timeIntervalSince1970: date))
        }

        var nextStepProposal: Proposal {
            Proposal(
                product: product, score: score, reason: .nextStep(after: anchor, lagDays: days), model: "next_step",
                date: Date(timeIntervalSince1970: date))
        }
    }

    /// Consumables due, closest to their due date first.
    let restocks: [Timed]
    /// Timed next steps, best first, at most `nextStepLimit`.
    let nextSteps: [Timed]
    /// How many next steps were asked for: a request may read a prefix of at most this many.
    let nextStepLimit: Int

    static let none = DayEvidence(restocks: [], nextSteps: [], nextStepLimit: .max)

    /// The first restock of `product`, if it is due. A linear search: a customer has a few dozen at most.
    func restock(of product: ProductIndex) -> Proposal? {
        restocks.first { $0.product == product }?.restockProposal
    }

    /// The next step to `product` among the best `limit`.
    func nextStep(to product: ProductIndex, within limit: Int) -> Proposal? {
        nextSteps.prefix(limit).first { $0.product == product }?.nextStepProposal
    }

    /// The start of the day of `date`, UTC: the moment evidence is computed for.
    static func dayStart(_ date: Date) -> Date { DayNumber.date(ofDay: DayNumber.day(of: date)) }
}

extension Recommender {
    /// The customer's evidence for the day of `context.asOf`, with at least `context.fetch` next steps when there
    /// are that many: the one computed ahead when there is one, else computed now.
    func dayEvidence(_ context: RecommendationContext) -> DayEvidence {
        guard let customer = context.customer else { return .none }
        if let ahead = personalLists.evidence(for: customer, day: DayNumber.day(of: context.asOf)),
            ahead.nextStepLimit >= context.fetch
        {
            return ahead
        }
        return computeDayEvidence(customer, asOf: context.asOf, reusing: context, nextSteps: context.fetch)
    }

    /// Computes the customer's evidence as of the start of the day of `asOf`. A request's own context serves when it
    /// is as of that very moment; otherwise the customer's history is read as of it.
    func computeDayEvidence(
        _ customer: CustomerIndex, asOf: Date, reusing context: RecommendationContext? = nil, nextSteps limit: Int
    ) -> DayEvidence {
        let start = DayEvidence.dayStart(asOf)
        let dayContext: RecommendationContext
        if let context, context.asOf == start {
            dayContext = context
        } else {
            let id = models.snapshot.customers[Int(customer)].id
            let request = RecommendationRequest(placement: .home, customer: id, asOf: start)
            guard
                let read = try? RecommendationContext(
                    request, snapshot: models.snapshot, privacy: privacy, defaultAsOf: start)
            else { return .none }
            dayContext = read
        }
        guard dayContext.customer != nil, !dayContext.nearNew else { return .none }
        return DayEvidence(
            restocks: restocks(dayContext), nextSteps: nextSteps(dayContext, limit: limit), nextStepLimit: limit)
    }

    /// Whether the evidence of `asOf`'s day should be computed ahead now (`precomputeDayEvidence`): true once per
    /// day, when the ranker's lists are ready and the day is later than the one computed or under way.
    public func claimDayEvidence(asOf: Date) -> Bool {
        personalLists.claimEvidence(day: DayNumber.day(of: asOf))
    }

    /// Computes the evidence of `asOf`'s day for the customers whose lists are computed ahead, on every core, and
    /// publishes it; requests of that day then read it. A server calls it when `claimDayEvidence` says so, off the
    /// request path.
    public func precomputeDayEvidence(asOf: Date) {
        personalLists.computeEvidence(day: DayNumber.day(of: asOf)) { customer in
            computeDayEvidence(customer, asOf: asOf, nextSteps: DayEvidence.nextStepLimit)
        }
    }
}
