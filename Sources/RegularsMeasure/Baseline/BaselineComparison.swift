import Foundation

/// Each figure then (the frozen baseline) and now, with the relative change and its 95 % interval where the data
/// give one: "average order value 41.20 → 44.80, +9 % (+2 % to +16 %)".
public struct BaselineComparison: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        public var figure: String
        public var then: Double?
        public var now: Double?
        /// now / then − 1.
        public var change: Double?
        public var changeLow: Double?
        public var changeHigh: Double?

        /// "+14 % (+3 % to +27 %)", with `missing` in place of an unknown change.
        public func changeText(missing: String) -> String {
            var text = change.map { String(format: "%+.0f %%", $0 * 100) } ?? missing
            if let low = changeLow, let high = changeHigh {
                text += String(format: " (%+.0f %% to %+.0f %%)", low * 100, high * 100)
            }
            return text
        }
    }

    public var baseline: ShopFigures
    public var current: ShopFigures
    public var rows: [Row]

    public init(baseline: ShopFigures, current: ShopFigures) {
        self.baseline = baseline
        self.current = current
        func change(_ then: Double?, _ now: Double?) -> Double? {
            guard let then, let now, then != 0 else { return nil }
            return now / then - 1
        }
        func row(_ name: String, _ then: Double?, _ now: Double?, _ interval: LiftInterval? = nil) -> Row {
            Row(
                figure: name, then: then, now: now, change: interval?.estimate ?? change(then, now),
                changeLow: interval?.low, changeHigh: interval?.high)
        }
        // Orders per week as a rate: the log ratio of two Poisson counts has variance 1/a + 1/b.
        let weeksThen = Double(baseline.end - baseline.start) / 604_800
        let weeksNow = Double(current.end - current.start) / 604_800
        let ordersThen = weeksThen > 0 ? Double(baseline.orders) / weeksThen : nil
        let ordersNow = weeksNow > 0 ? Double(current.orders) / weeksNow : nil
        var orderRow = row("orders per week", ordersThen, ordersNow)
        if baseline.orders > 0, current.orders > 0, let ordersThen, let ordersNow {
            let log = Foundation.log(ordersNow / ordersThen)
            let half = 1.959_963_985 * (1 / Double(baseline.orders) + 1 / Double(current.orders)).squareRoot()
            orderRow.changeLow = exp(log - half) - 1
            orderRow.changeHigh = exp(log + half) - 1
        }
        rows = [
            orderRow,
            row(
                "average order value", baseline.averageOrderValue, current.averageOrderValue,
                LiftInterval.revenueLift(a: baseline.orderValueSummary, b: current.orderValueSummary)),
            row(
                "repeat-purchase rate", baseline.repeatRate, current.repeatRate,
                LiftInterval.conversionLift(a: baseline.repeatSummary, b: current.repeatSummary)),
            row("share of revenue from recommendations", baseline.recommendedShare, current.recommendedShare),
            row("revenue per e-mail sent", baseline.revenuePerEmail, current.revenuePerEmail),
        ]
    }
}
