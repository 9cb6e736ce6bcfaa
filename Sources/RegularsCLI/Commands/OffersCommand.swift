import ArgumentParser
import Foundation
import RegularsData
import RegularsSegments
import RegularsShop

struct OffersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offers",
        abstract:
            "Who gets an incentive in the next campaign, how much and when: from predicted value, not a blanket code.",
        discussion: """
            An incentive goes to valuable customers whose P(alive) is falling, around their expected next order; not \
            to customers predicted to buy anyway, nor where it costs more margin than it is expected to bring. The \
            voice's discount (`discount_text`, e.g. "10% off …") is the ceiling of the incentive's share.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The most the offers may cost, expected, in the shop's currency (e.g. 500).")
    var budget: String?
    @Option(help: "The incentive as a percentage of an order (at most the voice's discount).")
    var percent: Double?
    @Option(help: "Assumed relative rise in an active customer's chance to order when offered, percent.")
    var lift: Double = 25
    @Option(help: "How many offers to list (the JSON lists every decision).")
    var show = 20

    func run() throws {
        let shop = try global.openShop()
        let asOf = try global.asOf(shop)
        let snapshot = try shop.store.snapshot(asOf: asOf)
        let voice = try shop.voice()
        var settings = voice.offerSettings
        let ceiling = voice.discountShare
        if let percent {
            guard percent > 0, percent < 100 else { throw ValidationError("--percent: between 0 and 100") }
            if let ceiling, percent / 100 > ceiling {
                throw ValidationError("--percent \(percent) is above the voice's discount (\(voice.discountText))")
            }
            settings.share = percent / 100
        }
        guard lift > 0, lift <= 100 else { throw ValidationError("--lift: a percentage above 0, at most 100") }
        settings.lift = lift / 100
        let limit = try budget.map { text -> Money in
            guard let money = Money(parsing: text), money.units > 0 else {
                throw ValidationError("--budget: cannot read '\(text)' as an amount, e.g. 500 or 499.90")
            }
            return money
        }
        let report = PredictionReport.make(snapshot: snapshot, asOf: asOf)
        let plan = OfferPolicy.plan(report: report, snapshot: snapshot, settings: settings, budget: limit)
        if global.json {
            print(try Output.json(plan))
            return
        }
        print(Self.text(plan, show: show))
        if !voice.allowDiscount {
            print(
                "\nThe voice does not allow discounts yet (allow_discount in the voice file): campaigns will not "
                    + "mention them until it does.")
        }
    }

    /// The first "N%" of a text.
    static func text(_ plan: OfferPolicy.Plan, show: Int) -> String {
        let s = plan.settings
        var lines = [
            "Offers as of \(Timestamp.isoDay(Int64(plan.asOf.timeIntervalSince1970))): \(plan.offers) customers, "
                + "expected cost \(plan.totalExpectedCost), expected margin from added orders "
                + "\(plan.totalExpectedMarginGain)" + (plan.budget.map { " (budget \($0))" } ?? ""),
            String(
                format: "Incentive %.0f %% of an order; margin %.0f %% (%@); assumed lift %.0f %% until an experiment "
                    + "measures it; window %d days.",
                s.share * 100, plan.marginRate * 100, plan.marginFromCosts ? "from product costs" : "assumed: no costs",
                s.lift * 100, s.windowDays),
        ]
        let offers = plan.decisions.filter(\.offer)
        if !offers.isEmpty { lines.append("") }
        for d in offers.prefix(show) {
            let day = d.sendOn.map { Timestamp.isoDay(Int64($0.timeIntervalSince1970)) } ?? "now"
            lines.append("  \(d.customerID)  \(d.incentive.map(\.description) ?? "") off, send \(day): \(d.reason)")
        }
        if offers.count > show { lines.append("  … and \(offers.count - show) more (--show N, or --json)") }
        var why: [OfferPolicy.Verdict: Int] = [:]
        for d in plan.decisions where !d.offer { why[d.verdict, default: 0] += 1 }
        lines.append("\nNo offer:")
        for verdict in OfferPolicy.Verdict.allCases {
            if let n = why[verdict] { lines.append("  \(n)  \(verdict.label)") }
        }
        return lines.joined(separator: "\n")
    }
}
