import ArgumentParser
import Foundation
import RegularsData
import RegularsMeasure
import RegularsShop

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "What recommendations and e-mails earned: revenue from real orders, per placement, campaign, arm, segment.",
        discussion: """
            An order line counts for a placement or campaign when the same customer (or a session they used) \
            clicked that product there within 24 hours (5 days for an e-mail) before ordering, at the price paid.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "How many days before the as-of date.") var days: Int = 30

    func run() throws {
        guard days > 0 else { throw ValidationError("--days: expected a positive number") }
        let shop = try global.openShop()
        let asOf = try global.asOf(shop)
        let (report, segments) = try shop.revenueReport(days: Int64(days), end: asOf)
        if global.json {
            struct JSON: Encodable {
                var report: AttributionReport
                var segments: [AttributionReport.SegmentGroup]
            }
            return print(try Output.json(JSON(report: report, segments: segments)))
        }
        func money(_ value: Money?) -> String { value.map { String(format: "%.2f", $0.doubleValue) } ?? "-" }
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f %%", $0 * 100) } ?? "-" }
        print("The \(days) days to \(Timestamp.isoDay(report.period.upperBound)):")
        print(
            "  \(report.orders) orders, revenue \(money(report.revenue)); from recommendations and e-mails "
                + "\(money(report.overall.attributedRevenue)) (\(percent(report.overall.revenueShare)))")
        print(
            "  average order value with a recommended item \(money(report.averageOrderValueWithRecommended)), "
                + "without \(money(report.averageOrderValueWithoutRecommended)); "
                + "repeat-purchase rate \(percent(report.repeatPurchaseRate))")
        for group in report.bySource {
            let metrics = group.metrics
            print(
                "  \(group.source ?? "(none)"): \(metrics.impressions) impressions, \(metrics.clicks) clicks "
                    + "(\(percent(metrics.clickThroughRate))), \(metrics.attributedOrders) orders, "
                    + "\(money(metrics.attributedRevenue))")
        }
        for campaign in report.campaigns {
            print(
                "  e-mail \(campaign.campaign): \(campaign.sends) sent, \(money(campaign.attributedRevenue)), "
                    + "\(money(campaign.revenuePerSend)) per e-mail")
        }
        for arm in report.byArm {
            print(
                "  experiment \(arm.experiment) arm \(arm.arm ?? "-"): \(arm.metrics.clicks) clicks, "
                    + "\(money(arm.metrics.attributedRevenue))")
        }
        for segment in segments {
            print(
                "  segment \(segment.segment): \(segment.customers) customers, \(segment.orders) orders, "
                    + "\(money(segment.revenue)); from recommendations \(money(segment.attributedRevenue))")
        }
    }
}
