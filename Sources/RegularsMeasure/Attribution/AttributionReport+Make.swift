import Foundation
import RegularsData

extension AttributionReport {
    /// The report of `period` (half-open, seconds since 1970).
    ///
    /// Only lines, sends and events inside the period are counted. Events before it still credit the period's
    /// orders (a click at 23:00 earns the order at 01:00 the next day) and every event and line still links
    /// sessions to customers. Lines before the period tell which customers are repeat purchasers. So pass the
    /// events from `period.lowerBound` minus the longest window on, and the period's customers' earlier orders.
    public static func make(
        events: [ShopEvent], lines: [PlacedLine], windows: AttributionWindows = .init(),
        period: Range<Int64>, sends: [EmailSend] = []
    ) -> AttributionReport {
        let events = ShopEvent.unique(events)
        let lines = PlacedLine.latest(lines)
        let index = ClickIndex(events: events, lines: lines, windows: windows)

        var revenue = Money.zero
        var orderRevenue: [String: Money] = [:]
        var recommendedOrders = Set<String>()
        var attributed: [AttributedLine] = []
        for line in lines where period.contains(line.at) {
            revenue = revenue + line.revenue
            orderRevenue[line.orderID, default: .zero] = orderRevenue[line.orderID, default: .zero] + line.revenue
            if let credited = index.attribute(line) {
                attributed.append(credited)
                recommendedOrders.insert(line.orderID)
            }
        }
        attributed.sort { $0.key < $1.key }

        var overall = GroupTally()
        var bySource: [String?: GroupTally] = [:]
        var byArm: [ArmKey: GroupTally] = [:]
        // Only what the engine showed or sent makes a group: a page view's empty source is not a placement.
        for event in events where period.contains(event.at) && GroupTally.counts(event.kind) {
            overall.count(event)
            bySource[event.source, default: GroupTally()].count(event)
            if let key = ArmKey(event.experiment, event.arm) { byArm[key, default: GroupTally()].count(event) }
        }
        for line in attributed {
            overall.credit(line)
            bySource[line.source, default: GroupTally()].credit(line)
            if let key = ArmKey(line.experiment, line.arm) { byArm[key, default: GroupTally()].credit(line) }
        }

        let withRevenue = orderRevenue.filter { recommendedOrders.contains($0.key) }.values.reduce(Money.zero, +)
        let withoutRevenue = revenue - withRevenue
        let withCount = recommendedOrders.count
        let withoutCount = orderRevenue.count - withCount
        let (customers, repeatCustomers) = repeatPurchasers(lines: lines, ordersInPeriod: orderRevenue)

        return AttributionReport(
            period: period, windows: windows, orders: orderRevenue.count, revenue: revenue,
            overall: overall.metrics(of: revenue),
            bySource: bySource.sorted { precedes($0.key, $1.key) }.map {
                SourceGroup(source: $0.key, metrics: $0.value.metrics(of: revenue))
            },
            byArm: byArm.sorted { $0.key < $1.key }.map {
                ArmGroup(experiment: $0.key.experiment, arm: $0.key.arm, metrics: $0.value.metrics(of: revenue))
            },
            ordersWithRecommended: withCount,
            averageOrderValueWithRecommended: withRevenue.divided(by: withCount),
            ordersWithoutRecommended: withoutCount,
            averageOrderValueWithoutRecommended: withoutRevenue.divided(by: withoutCount),
            customers: customers, repeatCustomers: repeatCustomers,
            repeatPurchaseRate: customers == 0 ? nil : Double(repeatCustomers) / Double(customers),
            campaigns: campaigns(sends: sends.filter { period.contains($0.at) }, attributed: attributed),
            attributedLines: attributed)
    }

    /// Customers with an order in the period, and how many of them had an order earlier than one of those (an
    /// order's time is its earliest line; an order at the very same second is not "earlier").
    private static func repeatPurchasers(
        lines: [PlacedLine], ordersInPeriod: [String: Money]
    ) -> (customers: Int, repeatCustomers: Int) {
        var orderTime: [String: Int64] = [:]
        var orderCustomer: [String: String] = [:]
        for line in lines {
            orderTime[line.orderID] = min(orderTime[line.orderID] ?? line.at, line.at)
            if let customer = line.customerID { orderCustomer[line.orderID] = customer }
        }
        var firstOrder: [String: Int64] = [:]
        var lastInPeriod: [String: Int64] = [:]
        for (order, customer) in orderCustomer {
            guard let time = orderTime[order] else { continue }
            firstOrder[customer] = min(firstOrder[customer] ?? time, time)
            if ordersInPeriod[order] != nil { lastInPeriod[customer] = max(lastInPeriod[customer] ?? time, time) }
        }
        let repeatCustomers = lastInPeriod.count { customer, last in last > (firstOrder[customer] ?? last) }
        return (lastInPeriod.count, repeatCustomers)
    }

    /// Revenue per e-mail sent, for every campaign with sends or with credited e-mail clicks.
    private static func campaigns(sends: [EmailSend], attributed: [AttributedLine]) -> [Campaign] {
        var sendCounts: [String: Int] = [:]
        for send in sends { sendCounts[send.campaign, default: 0] += 1 }
        var earned: [String: Money] = [:]
        for line in attributed where line.clickKind == .emailClick {
            guard let campaign = line.source else { continue }
            earned[campaign, default: .zero] = earned[campaign, default: .zero] + line.revenue
        }
        return Set(sendCounts.keys).union(earned.keys).sorted().map { name in
            let sends = sendCounts[name] ?? 0
            let revenue = earned[name] ?? .zero
            return Campaign(
                campaign: name, sends: sends, attributedRevenue: revenue, revenuePerSend: revenue.divided(by: sends))
        }
    }
}

/// An experiment arm as a group key; `nil` (no group) for an event outside any experiment.
private struct ArmKey: Hashable, Comparable {
    var experiment: String
    var arm: String?

    init?(_ experiment: String?, _ arm: String?) {
        guard let experiment else { return nil }
        self.experiment = experiment
        self.arm = arm
    }

    static func < (lhs: ArmKey, rhs: ArmKey) -> Bool {
        lhs.experiment != rhs.experiment ? lhs.experiment < rhs.experiment : precedes(lhs.arm, rhs.arm)
    }
}

/// Key order with `nil` ("none") first.
private func precedes(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case let (a?, b?): a < b
    case (nil, .some): true
    case (_, nil): false
    }
}

/// One group's counts while the report is built; orders are a set because several lines of one order can be
/// credited to the same group.
private struct GroupTally {
    var metrics = AttributionReport.Metrics()
    var orders = Set<String>()

    static func counts(_ kind: ShopEvent.Kind) -> Bool { kind.isClick || kind == .recommendationImpression }

    mutating func count(_ event: ShopEvent) {
        switch event.kind {
        case .recommendationImpression: metrics.impressions += 1
        case .recommendationClick: metrics.recommendationClicks += 1
        case .emailClick: metrics.emailClicks += 1
        case .productView, .addToCart, .purchase: break
        }
    }

    mutating func credit(_ line: AttributedLine) {
        metrics.attributedRevenue = metrics.attributedRevenue + line.revenue
        orders.insert(line.key.orderID)
    }

    func metrics(of periodRevenue: Money) -> AttributionReport.Metrics {
        var result = metrics
        result.attributedOrders = orders.count
        result.revenueShare = result.attributedRevenue.fraction(of: periodRevenue)
        return result
    }
}
