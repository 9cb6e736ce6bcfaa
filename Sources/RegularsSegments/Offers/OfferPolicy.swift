import Foundation
import RegularsData

/// Who gets an incentive in the next campaign, how much and when, from predicted value: an incentive goes where
/// it may change what a customer does, not to those who will buy anyway, and not where it costs more margin than
/// it is expected to bring.
///
/// Per customer with predictions, over the campaign's window (`windowDays`):
/// - `q`, the chance of an order in the window anyway (BG/NBD's P(at least one purchase)); at or above
///   `buysAnyway` the customer is left alone;
/// - the orders an incentive adds, `Δ = lift · P(alive) · (1 − q)`: only a customer still active can be moved, and
///   only as far as they were not coming back anyway. `lift` is an assumption until an experiment measures it
///   (the plan says so);
/// - its cost, the incentive paid on every order that uses it, `(q + Δ) · share · order value`, against the
///   margin the added orders bring, `Δ · margin rate · order value`;
/// - the customer must be worth keeping (12-month value at least the median's) and slipping (P(alive) fallen by
///   `minimumDrop` since `lookbackDays` ago, with the same fitted model), yet not gone (`P(alive) ≥ minimumAlive`).
/// Offers go best expected gain first until `budget` (the expected cost) is spent. Pure: no clock, no I/O.
public enum OfferPolicy {
    public struct Settings: Sendable, Hashable, Codable {
        /// The incentive as a share of an order (the voice's discount is the ceiling).
        public var share = 0.10
        public var windowDays = 30
        /// Relative rise in the chance that an active customer orders in the window, when offered (assumed).
        public var lift = 0.25
        public var lookbackDays = 90
        /// The chance of an order in the window at or above which the customer is left to buy anyway.
        public var buysAnyway = 0.5
        public var minimumDrop = 0.10
        public var minimumAlive = 0.15
        /// The margin rate when no product has a cost.
        public var defaultMarginRate = 0.40
        public init() {}
    }

    public static func plan(
        report: PredictionReport, snapshot: Snapshot, settings: Settings = .init(), budget: Money? = nil
    ) -> Plan {
        let (marginRate, fromCosts) = marginRate(snapshot, default: settings.defaultMarginRate)
        let figures = chances(report: report, snapshot: snapshot, settings: settings)
        let values = report.customers.compactMap { $0.predictedCLV?.doubleValue }.sorted()
        let median = values.isEmpty ? 0 : values[values.count / 2]
        var offers: [(decision: Decision, gain: Double)] = []
        var others: [Decision] = []
        for prediction in report.customers {
            let decision = decide(
                prediction, figures: figures[prediction.customerID], medianValue: median,
                marginRate: marginRate, asOf: report.asOf, settings: settings)
            if decision.offer {
                offers.append((decision, decision.expectedMarginGain!.doubleValue - decision.expectedCost!.doubleValue))
            } else {
                others.append(decision)
            }
        }
        offers.sort { $0.gain != $1.gain ? $0.gain > $1.gain : $0.decision.customerID < $1.decision.customerID }
        var kept: [Decision] = []
        var spent = 0.0, gained = 0.0
        for (decision, _) in offers {
            let cost = decision.expectedCost!.doubleValue
            if let budget, spent + cost > budget.doubleValue {
                var over = decision
                over.verdict = .overBudget
                over.reason = "over the budget: " + decision.reason
                others.append(over)
                continue
            }
            spent += cost
            gained += decision.expectedMarginGain!.doubleValue
            kept.append(decision)
        }
        return Plan(
            asOf: report.asOf, settings: settings, marginRate: marginRate, marginFromCosts: fromCosts, budget: budget,
            offers: kept.count, totalExpectedCost: Money(rounding: spent),
            totalExpectedMarginGain: Money(rounding: gained), decisions: kept + others)
    }

    static func decide(
        _ p: CustomerPrediction, figures: Chances?, medianValue: Double, marginRate: Double, asOf: Date,
        settings: Settings
    ) -> Decision {
        let aliveBefore = figures?.aliveBefore
        var d = Decision(
            customerID: p.customerID, verdict: .noPredictions, probabilityAlive: p.probabilityAlive,
            probabilityAliveBefore: aliveBefore, reason: "")
        guard let alive = p.probabilityAlive, let anyway = figures?.purchase, let value = p.predictedCLV,
            let orderValue = p.expectedSpend?.doubleValue
        else {
            d.reason = "no predictions: too little history to tell"
            return d
        }
        let percent = { (x: Double) in "\(Int((x * 100).rounded())) %" }
        if anyway >= settings.buysAnyway {
            d.verdict = .buysAnyway
            d.reason = "likely to order within \(settings.windowDays) days anyway (\(percent(anyway)))"
            return d
        }
        if alive < settings.minimumAlive {
            d.verdict = .gone
            d.reason = "probably gone: \(percent(alive)) likely still active"
            return d
        }
        if value.doubleValue < medianValue {
            d.verdict = .lowValue
            d.reason = "12-month value \(value.description) is below the median customer's"
            return d
        }
        guard let earlier = aliveBefore, earlier - alive >= settings.minimumDrop else {
            d.verdict = .notSlipping
            d.reason =
                "not slipping: \(percent(alive)) likely still active"
                + (aliveBefore.map { ", \(percent($0)) \(settings.lookbackDays) days ago" } ?? "")
            return d
        }
        let added = settings.lift * alive * (1 - min(anyway, 1))
        let cost = (anyway + added) * settings.share * orderValue
        let gain = added * marginRate * orderValue
        guard gain > cost else {
            d.verdict = .notWorthIt
            d.reason = "the incentive would cost more margin than the orders it may add bring"
            return d
        }
        d.verdict = .offer
        d.incentive = Money(rounding: settings.share * orderValue)
        // A week before the expected next order, within this campaign's window: now when none is expected, it has
        // passed, or it lies beyond the window (a slipping customer's next order may be years out, or never).
        let lead = p.nextOrderDate.map { $0.addingTimeInterval(-7 * DayNumber.interval) } ?? asOf
        d.sendOn = min(max(lead, asOf), asOf.addingTimeInterval(Double(settings.windowDays) * DayNumber.interval))
        d.expectedCost = Money(rounding: cost)
        d.expectedMarginGain = Money(rounding: gain)
        let then = Timestamp.isoDay(
            Int64(asOf.timeIntervalSince1970) - Int64(settings.lookbackDays) * DayNumber.seconds)
        d.reason =
            "valuable and slipping: \(percent(alive)) likely still active, down from \(percent(earlier)) on \(then); "
            + "worth \(value.description) over 12 months"
        return d
    }

    /// Sales-weighted (price − cost) / price over the products that have both; the default without any.
    static func marginRate(_ snapshot: Snapshot, default rate: Double) -> (Double, fromCosts: Bool) {
        var revenue = 0.0, margin = 0.0
        for line in 0..<snapshot.lineProduct.count {
            let product = snapshot.products[Int(snapshot.lineProduct[line])]
            guard let price = product.price?.doubleValue, let cost = product.cost?.doubleValue, price > 0 else {
                continue
            }
            let quantity = Double(snapshot.lineQuantity[line])
            revenue += quantity * price
            margin += quantity * (price - cost)
        }
        return revenue > 0 ? (max(0, margin / revenue), true) : (rate, false)
    }

    /// What the fitted purchase model says of one customer beyond the report: the chance of an order in the window,
    /// and P(alive) `lookbackDays` before (the same model, on the orders they had by then).
    struct Chances {
        var purchase: Double
        var aliveBefore: Double?
    }

    static func chances(report: PredictionReport, snapshot: Snapshot, settings: Settings) -> [CustomerID: Chances] {
        guard let model = report.purchases else { return [:] }
        let history = PurchaseDays(snapshot: snapshot, asOf: report.asOf)
        let lastDay = DayNumber.lastIncludedDay(asOf: report.asOf)
        let window = model.unit.fromDays(Double(settings.windowDays))
        var out: [CustomerID: Chances] = [:]
        for c in 0..<history.customerCount {
            guard let now = history.summary(of: c, through: lastDay, unit: model.unit) else { continue }
            let then = history.summary(of: c, through: lastDay - Int32(settings.lookbackDays), unit: model.unit)
            out[history.ids[c]] = Chances(
                purchase: model.probabilityOfPurchase(now, within: window),
                aliveBefore: then.map(model.probabilityAlive))
        }
        return out
    }
}
