import Foundation
import RegularsData

/// What an experiment shows so far: per arm what its units did after they first saw it, and each arm against the
/// first (the control) with an always-valid interval, so a shop that looks every day is not fooled by peeking.
///
/// The outcome is every order a unit placed after its first exposure, not only the attributed ones: an arm that
/// shows nothing (`none`) can have no attributed revenue, so attributed revenue alone would always crown the
/// arm that shows something. Attributed revenue, impressions and clicks are reported beside it.
public struct ExperimentResults: Sendable, Hashable {
    public struct Arm: Sendable, Hashable {
        public var name: String
        public var units: Int
        public var impressions: Int
        public var clicks: Int
        public var orders: Int
        public var revenue: Money
        public var attributedRevenue: Money
        public var summary: ArmSummary
        public var revenuePerUnit: Double? { summary.revenuePerUnit }
        public var conversionRate: Double? { summary.conversionRate }
    }

    public struct Comparison: Sendable, Hashable {
        public var arm: String
        public var control: String
        public var metric: Metric
        /// The always-valid interval of the relative lift (B / A − 1), or nil while it cannot be computed.
        public var result: SequentialResult?
        public var verdict: Verdict
        /// The share of revenue-per-unit variance CUPED removed with the units' pre-period revenue (0 when unused).
        public var varianceReduction: Double
    }

    public var experiment: ExperimentRecord
    public var arms: [Arm]
    /// Each later arm against the first, on revenue per unit then conversion.
    public var comparisons: [Comparison]

    /// How long before the start a unit's revenue counts as its pre-period (CUPED's covariate).
    public static let prePeriod: Int64 = 28 * 86_400

    /// - Parameters:
    ///   - lines: order lines from `experiment.startedAt − prePeriod` up to `now` (more are ignored).
    ///   - events: the experiment's events (impressions, clicks) and any that link sessions to customers.
    ///   - now: the end of the analysis when the experiment still runs (seconds since 1970, inclusive).
    public static func make(
        experiment: ExperimentRecord, exposures: [ExperimentExposure], lines: [PlacedLine], events: [ShopEvent],
        now: Int64, design: SequentialDesign = .init(), windows: AttributionWindows = .init()
    ) -> ExperimentResults {
        // Inclusive: an order or an exposure in the very second of the read (or of the stop) counts.
        let end = min(experiment.stoppedAt ?? now, now)
        let preStart = experiment.startedAt - prePeriod
        let lines = PlacedLine.latest(lines).filter { $0.at >= preStart && $0.at <= end }
        // Whose orders a unit's are: the customer itself, or the customers who used the session.
        let links = SessionLinks(events: events, lines: lines)
        var linesByCustomer: [CustomerID: [PlacedLine]] = [:]
        for line in lines { if let customer = line.customerID { linesByCustomer[customer, default: []].append(line) } }
        let tagged = events.filter { $0.experiment == experiment.name }
        let attributed = RevenueAttribution.attribute(events: tagged, lines: lines, windows: windows)

        var arms = experiment.arms.map { arm in
            Arm(
                name: arm.name, units: 0, impressions: 0, clicks: 0, orders: 0, revenue: .zero,
                attributedRevenue: .zero, summary: .empty)
        }
        let slot = Dictionary(uniqueKeysWithValues: arms.enumerated().map { ($1.name, $0) })
        for exposure in exposures where exposure.firstAt <= end {
            guard let index = slot[exposure.arm] else { continue }
            let customers = experiment.unit == .customer ? [exposure.unit] : links.customers(of: exposure.unit)
            var revenue = Money.zero
            var preRevenue = Money.zero
            var orders = Set<OrderID>()
            for customer in customers {
                for line in linesByCustomer[customer] ?? [] {
                    if line.at >= exposure.firstAt {
                        revenue = revenue + line.revenue
                        orders.insert(line.orderID)
                    } else if line.at < experiment.startedAt {
                        preRevenue = preRevenue + line.revenue
                    }
                }
            }
            arms[index].units += 1
            arms[index].orders += orders.count
            arms[index].revenue = arms[index].revenue + revenue
            arms[index].summary.add(
                UnitOutcome(
                    revenue: revenue.doubleValue, converted: !orders.isEmpty, preRevenue: preRevenue.doubleValue))
        }
        for event in tagged {
            guard let arm = event.arm, let index = slot[arm], event.at <= end else { continue }
            if event.kind == .recommendationImpression { arms[index].impressions += 1 }
            if event.kind.isClick { arms[index].clicks += 1 }
        }
        for line in attributed {
            if let arm = line.arm, let index = slot[arm] {
                arms[index].attributedRevenue = arms[index].attributedRevenue + line.revenue
            }
        }
        let weeks = max(Double(end - experiment.startedAt) / (7 * 86_400), 1.0 / 7)
        let unitsPerWeek = Double(arms.reduce(0) { $0 + $1.units }) / weeks
        var comparisons: [Comparison] = []
        if let control = arms.first {
            for arm in arms.dropFirst() {
                for metric in [Metric.revenuePerUnit, .conversion] {
                    comparisons.append(
                        compare(
                            arm, with: control, metric: metric, design: design, unitsPerWeek: unitsPerWeek))
                }
            }
        }
        return ExperimentResults(experiment: experiment, arms: arms, comparisons: comparisons)
    }

    /// Revenue per unit is compared on CUPED-adjusted values when the pre-period explains some of it.
    static func compare(
        _ arm: Arm, with control: Arm, metric: Metric, design: SequentialDesign, unitsPerWeek: Double
    ) -> Comparison {
        var a = control.summary
        var b = arm.summary
        var reduction = 0.0
        if metric == .revenuePerUnit, let adjusted = CUPED.adjust(a: a, b: b), adjusted.varianceReduction > 0 {
            a = adjusted.a
            b = adjusted.b
            reduction = adjusted.varianceReduction
        }
        let result = SequentialTest.relative(metric, a: a, b: b, design: design)
        return Comparison(
            arm: arm.name, control: control.name, metric: metric, result: result,
            verdict: Verdict(
                result: result, unitsPerWeek: unitsPerWeek, targetLift: design.minimumRelativeLift, arm: arm.name,
                control: control.name),
            varianceReduction: reduction)
    }
}
