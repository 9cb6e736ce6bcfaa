import Foundation
import RegularsContent
import RegularsData
import RegularsMeasure
import RegularsRecommend
import RegularsSegments

/// Gathers what each dashboard page shows from the store, the insight cache, the served models and the
/// files beside the store.
struct DashboardData: Sendable {
    let services: AppServices

    func overview() async throws -> OverviewPage {
        let insights = try await services.insights.current()
        let snapshot = insights.snapshot
        let asOf = snapshot.asOfSeconds
        var revenue: Int64 = 0
        var recentRevenue: Int64 = 0
        var byMonth: [String: Int64] = [:]
        for order in 0..<snapshot.orderCount {
            let total = snapshot.orderTotal[order]
            revenue += total
            let time = snapshot.orderTime[order]
            if time >= asOf - 30 * DayNumber.seconds { recentRevenue += total }
            byMonth[Timestamp.isoMonth(time), default: 0] += total
        }
        // A shop whose export stops before today still sees its last twelve months of sales.
        let months = Self.lastMonths(12, endingAt: min(asOf, snapshot.orderTimeRange?.upperBound ?? asOf))
        let report = insights.report
        let repeatCustomers = (0..<Int32(snapshot.customerCount)).filter { snapshot.orders(of: $0).count >= 2 }.count
        let customers = max(snapshot.customerCount, 1)
        let events = (try? services.store.eventCount()) ?? 0
        let cards: [OverviewPage.Card] = [
            .init(label: "Customers", value: DashboardFormat.count(snapshot.customerCount), note: "with an order"),
            .init(
                label: "Orders", value: DashboardFormat.count(snapshot.orderCount),
                note: "\(DashboardFormat.count(snapshot.productCount)) products"),
            .init(
                label: "Revenue", value: DashboardFormat.money(Money(units: revenue)),
                note: "\(DashboardFormat.money(Money(units: recentRevenue))) in the last 30 days"),
            .init(
                label: "Repeat customers", value: DashboardFormat.percent(Double(repeatCustomers) / Double(customers)),
                note: "\(DashboardFormat.count(repeatCustomers)) ordered twice or more"),
            .init(
                label: "Events", value: DashboardFormat.count(events), note: "views, clicks, purchases from the site"),
        ]
        let bars = months.map { month in
            let value = Money(units: byMonth[month] ?? 0).doubleValue
            return SVGChart.Bar(
                label: DashboardFormat.monthLabel(month), value: value,
                detail: "\(month): \(DashboardFormat.amount(value))")
        }
        let history = SegmentHistory.monthly(snapshot, asOf: insights.asOf, limit: 12)
        let shown = LifecycleSegment.allCases.filter { segment in
            history.months.contains { $0.segments.contains { $0.segment == segment && $0.members > 0 } }
        }
        let series = shown.enumerated().map { index, segment in
            SVGChart.Series(
                name: segment.title,
                values: history.months.map { month in
                    Double(month.segments.first { $0.segment == segment }?.members ?? 0)
                }, color: SVGChart.palette[index % SVGChart.palette.count])
        }
        let segments = report.segmentCounts.filter { $0.members > 0 }.map {
            OverviewPage.SegmentRow(
                name: $0.segment.title, members: DashboardFormat.count($0.members),
                share: DashboardFormat.percent(Double($0.members) / Double(max(report.customers.count, 1))))
        }
        return OverviewPage(
            asOf: DashboardFormat.date(insights.asOf), cards: cards,
            revenueChart: SVGChart.bars(bars, title: "Revenue per month", format: DashboardFormat.short),
            segmentChart: SVGChart.lines(
                series, labels: history.months.map { DashboardFormat.monthLabel($0.month) },
                title: "Customers per segment, month by month", format: DashboardFormat.short),
            segments: segments)
    }

    func recommendations(days: Int = 30) throws -> RecommendationsPage {
        let now = services.now()
        let report = try services.shop.attributionReport(days: Int64(days), end: now)
        let rows = report.bySource.map { group in
            RecommendationsPage.Row(
                placement: group.source ?? "(none)", impressions: DashboardFormat.count(group.metrics.impressions),
                clicks: DashboardFormat.count(group.metrics.clicks),
                clickThroughRate: DashboardFormat.percent(group.metrics.clickThroughRate),
                purchases: DashboardFormat.count(group.metrics.attributedOrders),
                revenue: DashboardFormat.money(group.metrics.attributedRevenue),
                share: DashboardFormat.percent(group.metrics.revenueShare))
        }
        let bars = report.bySource.map { group in
            SVGChart.Bar(
                label: group.source ?? "(none)", value: group.metrics.attributedRevenue.doubleValue,
                detail: "\(group.source ?? "(none)"): \(DashboardFormat.money(group.metrics.attributedRevenue))")
        }
        let campaigns = report.campaigns.map {
            RecommendationsPage.CampaignRow(
                name: $0.campaign, sends: DashboardFormat.count($0.sends),
                revenue: DashboardFormat.money($0.attributedRevenue),
                perSend: $0.revenuePerSend.map(DashboardFormat.money) ?? "—")
        }
        return RecommendationsPage(
            since: Timestamp.isoDay(report.period.lowerBound), days: days, rows: rows, hasRows: !rows.isEmpty,
            chart: SVGChart.bars(
                bars, title: "Revenue attributed per placement or campaign", format: DashboardFormat.short),
            aovWith: report.averageOrderValueWithRecommended.map(DashboardFormat.money) ?? "—",
            aovWithout: report.averageOrderValueWithoutRecommended.map(DashboardFormat.money) ?? "—",
            repeatRate: DashboardFormat.percent(report.repeatPurchaseRate), campaigns: campaigns,
            hasCampaigns: !campaigns.isEmpty)
    }

    /// Every experiment, newest first, or only the one called `name` (its own page).
    func experiments(named name: String? = nil) throws -> ExperimentsPage {
        let experiments = try services.store.experiments().reversed().filter { name == nil || $0.name == name }
        if let name, experiments.isEmpty { throw APIError(.notFound, "no experiment named '\(name.prefix(40))'") }
        var page = ExperimentsPage(experiments: [], hasExperiments: !experiments.isEmpty, baseline: [])
        for experiment in experiments {
            // One read of the experiment's data: its last look is its results now.
            let history = try services.shop.experimentHistory(named: experiment.name)
            let results = history.last!.results
            let points = history.compactMap { look -> SVGChart.Interval? in
                guard let comparison = look.results.comparisons.first, let result = comparison.result else {
                    return nil
                }
                return .init(
                    label: String(Timestamp.isoDay(look.day).dropFirst(5)), low: result.low * 100,
                    estimate: result.estimate * 100, high: result.high * 100)
            }
            page.experiments.append(
                .init(
                    name: experiment.name,
                    href: services.basePath + "/dashboard/experiments/"
                        + (experiment.name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""),
                    placement: experiment.isPermanentHoldout ? "every placement and e-mail" : experiment.placement,
                    state: experiment.stoppedAt.map { "stopped \(Timestamp.isoDay($0))" } ?? "running",
                    since: Timestamp.isoDay(experiment.startedAt),
                    arms: results.arms.map { arm in
                        .init(
                            name: arm.name, recipe: experiment.arms.first { $0.name == arm.name }?.recipe ?? "",
                            units: DashboardFormat.count(arm.units),
                            impressions: DashboardFormat.count(arm.impressions),
                            clicks: DashboardFormat.count(arm.clicks), orders: DashboardFormat.count(arm.orders),
                            revenuePerUnit: arm.revenuePerUnit.map(DashboardFormat.amount) ?? "—",
                            conversion: DashboardFormat.percent(arm.conversionRate),
                            attributed: DashboardFormat.money(arm.attributedRevenue))
                    },
                    verdicts: results.comparisons.map {
                        ($0.metric == .revenuePerUnit ? "Revenue per unit: " : "Conversion: ") + $0.verdict.sentence
                    },
                    chart: SVGChart.intervals(
                        points, title: "Lift in revenue per unit over time, % (always-valid 95 % interval)",
                        format: { String(format: "%.0f", $0) })))
        }
        if let comparison = try services.shop.baselineComparison() {
            page.baseline = comparison.rows.map { row in
                let change = row.changeText(missing: "—")
                return .init(
                    figure: row.figure, then: row.then.map(DashboardFormat.short) ?? "—",
                    now: row.now.map(DashboardFormat.short) ?? "—", change: change)
            }
            page.baselineSince = Timestamp.isoDay(comparison.baseline.end)
        }
        return page
    }

    func models() throws -> ModelsPage {
        let served = services.models?.served
        let now = services.now()
        var page = ModelsPage(
            served: served != nil, version: served.map { String($0.version) } ?? "none", trainedAt: "—", age: "",
            asOf: "—", totalTraining: "—", timings: [], backtest: nil, sync: try shopifySync())
        if let models = served?.models {
            page.trainedAt = DashboardFormat.date(models.trainedAt)
            page.age = DashboardFormat.age(now.timeIntervalSince(models.trainedAt))
            page.asOf = DashboardFormat.date(models.asOf)
            page.totalTraining = DashboardFormat.duration(models.trainingSeconds.values.reduce(0, +))
            page.timings = models.trainingSeconds.sorted { $0.value > $1.value }.map {
                .init(model: $0.key, seconds: DashboardFormat.duration($0.value))
            }
        }
        if let storePath = services.storePath,
            let report = try BacktestReport.load(from: BacktestReport.fileURL(storePath: storePath))
        {
            page.backtest = ModelsPage.Backtest(
                model: report.model, cutoff: report.cutoff,
                rows: report.rows.map { row in
                    func metric(_ track: Track, _ path: KeyPath<MetricsAtK, Double>) -> String {
                        (row.tracks.first { $0.track == track }?[20]).map { String(format: "%.4f", $0[keyPath: path]) }
                            ?? "—"
                    }
                    return .init(
                        label: row.label, allRecall: metric(.all, \.recall), allNDCG: metric(.all, \.ndcg),
                        newRecall: metric(.new, \.recall), newNDCG: metric(.new, \.ndcg),
                        trainSeconds: DashboardFormat.duration(row.trainSeconds),
                        best: row.halfLifeDays == report.bestHalfLifeDays)
                }, verdict: report.verdict)
        }
        return page
    }

    func shopifySync() throws -> ShopifySync {
        let counts = try services.store.deliveryCounts()
        let connection = try services.shop.shopifyConnection()
        let newest = try services.store.deliveries(limit: 50)
        let problems = newest.filter { $0.state == .parked }.prefix(10).map {
            ShopifySync.Problem(
                received: DashboardFormat.date(Date(timeIntervalSince1970: Double($0.receivedAt))), topic: $0.topic,
                error: $0.error ?? "")
        }
        return ShopifySync(
            connected: connection != nil, domain: connection?.domain ?? "", processed: counts[.done] ?? 0,
            pending: counts[.pending] ?? 0, parked: counts[.parked] ?? 0,
            lastReceived: newest.first.map { DashboardFormat.date(Date(timeIntervalSince1970: Double($0.receivedAt))) }
                ?? "never",
            problems: problems, hasProblems: !problems.isEmpty)
    }

    func campaigns() async throws -> CampaignsPage {
        guard let storePath = services.storePath else { return CampaignsPage(campaigns: [], hasCampaigns: false) }
        var page = CampaignsPage(campaigns: campaignRows(storePath: storePath), hasCampaigns: false)
        page.hasCampaigns = !page.campaigns.isEmpty
        page.banners = try await bannerRows()
        page.hasBanners = !page.banners.isEmpty
        return page
    }

    /// Each segment's banner, composed as the banner route composes it.
    func bannerRows() async throws -> [CampaignsPage.Banner] {
        guard let loaded = services.models?.loaded.current else { return [] }
        let insights = try await services.insights.current()
        guard
            let banners = try? services.banners.segmentBanners(
                shop: services.shop, loaded: loaded, report: insights.report, snapshot: insights.snapshot,
                asOf: insights.asOf)
        else { return [] }
        return banners.map { banner in
            CampaignsPage.Banner(
                audience: banner.audience.replacingOccurrences(of: "_", with: " "),
                angle: banner.angle.rawValue.replacingOccurrences(of: "_", with: " "), headline: banner.headline,
                subline: banner.subline, cta: banner.cta, link: banner.link,
                products: banner.products.map(\.title).joined(separator: " · "), reason: banner.reason,
                check: banner.problems.isEmpty
                    ? "Passed the fact check" : "Not served: " + banner.problems.joined(separator: "; "),
                passed: banner.problems.isEmpty)
        }
    }

    func campaignRows(storePath: String) -> [CampaignsPage.Campaign] {
        // Copy ages in real time: the clock, not the as-of day of the data.
        let now = services.now()
        return CampaignExports(storePath: storePath).campaigns.map { campaign in
            CampaignsPage.Campaign(
                name: campaign.name, segment: campaign.segment ?? "—", generatedAt: campaign.generatedAt ?? "—",
                recipients: campaign.recipients.map(DashboardFormat.count) ?? "—", mode: campaign.mode ?? "—",
                files: campaign.files.map {
                    .init(name: $0, href: "\(services.basePath)/dashboard/campaigns/\(campaign.name)/\($0)")
                },
                stale: campaign.writtenAt.flatMap { CopyFreshness.notice(writtenAt: $0, now: now) })
        }
    }

    /// `count` months ending with the month of `seconds`, oldest first (`2024-01` … `2024-12`).
    static func lastMonths(_ count: Int, endingAt seconds: Int64) -> [String] {
        let civil = Timestamp.civil(fromDays: Int(seconds / DayNumber.seconds))
        var year = civil.year
        var month = civil.month
        var months: [String] = []
        for _ in 0..<count {
            months.append(String(format: "%04d-%02d", year, month))
            month -= 1
            if month == 0 {
                month = 12
                year -= 1
            }
        }
        return months.reversed()
    }
}
