import RegularsData
import RegularsMeasure
import Testing

/// One small week worked out by hand; see the comment in `handMadeWeek` for every number.
struct ReportTests {
    static let start = t0
    static let period = start..<(start + 7 * day)

    /// Period: 7 days from `start` (P).
    ///
    /// Events in the period (experiment "layout": arm a on home, arm b on product; e-mails outside it):
    ///   home impressions ×4, product impressions ×2                                   → 6 impressions
    ///   h1 widget click home    c1 X  P+1h                                            → credits o1 line 1
    ///   p1 widget click product c2 Y  P+2h                                            → credits o2
    ///   e1 e-mail click spring  c3 Z  P+1d                                            → credits o3 (lag 1 d)
    ///   e2 e-mail click spring  c4 X  P+1d                                            → nothing follows
    ///   v1 product view, no source                                                    → in no group
    /// Orders:
    ///   o0 c1 P-10d  X 1 × 10.00                      before the period: only makes c1 a repeat customer
    ///   o1 c1 P+3h   X 2 × 10.00 (credited 20.00) + Q 1 × 5.00                        = 25.00
    ///   o2 c2 P+4h   Y 1 × 30.00 (credited)                                           = 30.00
    ///   o3 c3 P+2d   Z 1 × 40.00 (credited)                                           = 40.00
    ///   o4 c6 P+3d   Q 1 × 15.00                                                      = 15.00
    ///   o5 guest P+3d Q 2 × 5.00                                                      = 10.00
    ///   o6 c6 P+5d   Q 1 × 15.00                                                      = 15.00
    ///   o9 c2 P+8d   Y 1 × 30.00                      after the period: ignored, and does not make c2 a repeat
    /// Totals: 6 orders, revenue 25 + 30 + 40 + 15 + 10 + 15 = 135.00; attributed 20 + 30 + 40 = 90.00 in 3 orders,
    ///   share 90 / 135 = 2/3. CTR: 2 widget clicks / 6 impressions = 1/3 (e-mail clicks left out).
    /// Groups: home 4 imp, 1 click, CTR 1/4, 1 order, 20.00, share 20/135; product 2 imp, 1 click, CTR 1/2, 1 order,
    ///   30.00, share 30/135; spring 0 imp, 2 e-mail clicks, CTR nil, 1 order, 40.00, share 40/135.
    ///   layout/a = home's numbers, layout/b = product's; the e-mails are in no arm.
    /// AOV with: (25 + 30 + 40) / 3 = 31.6666… → 316,667 units (rounded half away from zero);
    ///   without: (15 + 10 + 15) / 3 = 13.3333… → 133,333 units.
    /// Repeat: customers c1, c2, c3, c6 (the guest has none) = 4; c1 (o0 before) and c6 (o4 before o6) = 2 → 0.5.
    /// Sends in the period: spring ×4, autumn ×2 (one spring send before the period is ignored).
    ///   spring 40.00 / 4 = 10.00 per send; autumn 0.00 / 2 = 0.00.
    static func handMadeWeek() -> AttributionReport {
        let p = start
        var events: [ShopEvent] = []
        for (index, customer) in ["c1", "c2", "c3", "c4"].enumerated() {
            events.append(
                event(
                    "ih\(index)", .recommendationImpression, at: p + 30 * 60, customer: customer, sku: "X",
                    source: "home", experiment: "layout", arm: "a"))
        }
        for (index, customer) in ["c2", "c5"].enumerated() {
            events.append(
                event(
                    "ip\(index)", .recommendationImpression, at: p + 90 * 60, customer: customer, sku: "Y",
                    source: "product", experiment: "layout", arm: "b"))
        }
        events += [
            widgetClick("h1", at: p + hour, customer: "c1", sku: "X", source: "home", experiment: "layout", arm: "a"),
            widgetClick(
                "p1", at: p + 2 * hour, customer: "c2", sku: "Y", source: "product", experiment: "layout",
                arm: "b"),
            emailClick("e1", at: p + day, customer: "c3", sku: "Z"),
            emailClick("e2", at: p + day, customer: "c4", sku: "X"),
            event("v1", .productView, at: p + day, customer: "c2", sku: "Y"),
        ]
        let lines = [
            line("o0", customer: "c1", at: p - 10 * day, sku: "X", price: money(10)),
            line("o1", 1, customer: "c1", at: p + 3 * hour, sku: "X", quantity: 2, price: money(10)),
            line("o1", 2, customer: "c1", at: p + 3 * hour, sku: "Q", price: money(5)),
            line("o2", customer: "c2", at: p + 4 * hour, sku: "Y", price: money(30)),
            line("o3", customer: "c3", at: p + 2 * day, sku: "Z", price: money(40)),
            line("o4", customer: "c6", at: p + 3 * day, sku: "Q", price: money(15)),
            line("o5", customer: nil, at: p + 3 * day, sku: "Q", quantity: 2, price: money(5)),
            line("o6", customer: "c6", at: p + 5 * day, sku: "Q", price: money(15)),
            line("o9", customer: "c2", at: p + 8 * day, sku: "Y", price: money(30)),
        ]
        let sends =
            ["c3", "c4", "c7", "c8"].map { EmailSend(campaign: "spring", customerID: $0, at: p) }
            + ["c1", "c2"].map { EmailSend(campaign: "autumn", customerID: $0, at: p + day) }
            + [EmailSend(campaign: "spring", customerID: "c9", at: p - 1)]
        return AttributionReport.make(events: events, lines: lines, period: period, sends: sends)
    }

    @Test func totalsAndOverall() {
        let report = Self.handMadeWeek()
        #expect(report.orders == 6)
        #expect(report.revenue == money(135))
        #expect(report.overall.impressions == 6)
        #expect(report.overall.recommendationClicks == 2)
        #expect(report.overall.emailClicks == 2)
        #expect(report.overall.clicks == 4)
        #expect(report.overall.clickThroughRate == 2.0 / 6.0)
        #expect(report.overall.attributedOrders == 3)
        #expect(report.overall.attributedRevenue == money(90))
        #expect(report.overall.revenueShare == 90.0 / 135.0)
        #expect(report.attributedLines.map(\.clickID) == ["h1", "p1", "e1"])
    }

    @Test func groupsBySource() {
        let report = Self.handMadeWeek()
        #expect(report.bySource.map(\.source) == ["home", "product", "spring"])
        let home = report.bySource[0].metrics
        #expect(
            [home.impressions, home.recommendationClicks, home.emailClicks, home.attributedOrders] == [4, 1, 0, 1])
        #expect(home.clickThroughRate == 0.25)
        #expect(home.attributedRevenue == money(20))
        #expect(home.revenueShare == 20.0 / 135.0)
        let product = report.bySource[1].metrics
        #expect([product.impressions, product.recommendationClicks, product.attributedOrders] == [2, 1, 1])
        #expect(product.clickThroughRate == 0.5)
        #expect(product.attributedRevenue == money(30))
        #expect(product.revenueShare == 30.0 / 135.0)
        let spring = report.bySource[2].metrics
        #expect([spring.impressions, spring.emailClicks, spring.attributedOrders] == [0, 2, 1])
        #expect(spring.clickThroughRate == nil)
        #expect(spring.attributedRevenue == money(40))
        #expect(spring.revenueShare == 40.0 / 135.0)
    }

    @Test func groupsByArm() {
        let report = Self.handMadeWeek()
        #expect(report.byArm.map { "\($0.experiment)/\($0.arm ?? "-")" } == ["layout/a", "layout/b"])
        #expect(report.byArm[0].metrics == report.bySource[0].metrics)
        #expect(report.byArm[1].metrics == report.bySource[1].metrics)
    }

    @Test func averageOrderValueWithAndWithoutARecommendedItem() {
        let report = Self.handMadeWeek()
        #expect(report.ordersWithRecommended == 3)
        #expect(report.averageOrderValueWithRecommended == Money(units: 316_667))
        #expect(report.ordersWithoutRecommended == 3)
        #expect(report.averageOrderValueWithoutRecommended == Money(units: 133_333))
    }

    @Test func repeatPurchaseRate() {
        let report = Self.handMadeWeek()
        #expect(report.customers == 4)
        #expect(report.repeatCustomers == 2)
        #expect(report.repeatPurchaseRate == 0.5)
    }

    @Test func revenuePerEmailSent() {
        let report = Self.handMadeWeek()
        #expect(
            report.campaigns == [
                .init(campaign: "autumn", sends: 2, attributedRevenue: .zero, revenuePerSend: .zero),
                .init(campaign: "spring", sends: 4, attributedRevenue: money(40), revenuePerSend: money(10)),
            ])
    }

    /// An order without any click: counted in the revenue and in the AOV without, nowhere else.
    @Test func anUnattributedOrder() {
        let lines = [line("o1", at: t0 + hour, quantity: 3, price: money(7, cents: 50))]
        let report = AttributionReport.make(events: [], lines: lines, period: t0..<(t0 + day))
        #expect(report.attributedLines.isEmpty)
        #expect(report.orders == 1)
        #expect(report.revenue == money(22, cents: 50))
        #expect(report.overall.attributedRevenue == .zero)
        #expect(report.overall.revenueShare == 0)
        #expect(report.averageOrderValueWithRecommended == nil)
        #expect(report.averageOrderValueWithoutRecommended == money(22, cents: 50))
        #expect(report.bySource.isEmpty && report.byArm.isEmpty && report.campaigns.isEmpty)
    }

    /// A click just before the period earns an order inside it, but is not one of the period's clicks.
    @Test func aClickBeforeThePeriodCreditsAnOrderInside() {
        let events = [widgetClick("k1", at: t0 - hour)]
        let report = AttributionReport.make(events: events, lines: [line("o1", at: t0 + hour)], period: t0..<(t0 + day))
        #expect(report.overall.attributedRevenue == money(10))
        #expect(report.overall.recommendationClicks == 0)
        #expect(report.bySource.map(\.source) == ["home"])
    }

    @Test func anEmptyPeriod() {
        let report = AttributionReport.make(events: [], lines: [], period: t0..<t0)
        #expect(report.orders == 0 && report.revenue == .zero)
        #expect(report.overall.revenueShare == nil && report.overall.clickThroughRate == nil)
        #expect(report.repeatPurchaseRate == nil)
    }
}
