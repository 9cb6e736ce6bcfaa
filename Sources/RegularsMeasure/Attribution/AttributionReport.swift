import Foundation
import RegularsData

/// "Measure revenue, not opens": what recommendations and e-mails earned in a period, overall, per placement or
/// campaign and per experiment arm, next to the shop's whole revenue so the share is honest.
///
/// Built by `make(events:lines:windows:period:sends:)`; every group list is sorted by its key.
public struct AttributionReport: Sendable, Hashable, Codable {
    /// The numbers of one group (or of everything).
    public struct Metrics: Sendable, Hashable, Codable {
        /// `recommendationImpression`s in the period.
        public var impressions = 0
        /// `recommendationClick`s in the period.
        public var recommendationClicks = 0
        /// `emailClick`s in the period.
        public var emailClicks = 0
        /// Distinct orders in the period with at least one line credited to this group.
        public var attributedOrders = 0
        /// The credited lines' `unitPrice × quantity`.
        public var attributedRevenue = Money.zero
        /// `attributedRevenue` / the period's whole revenue; `nil` when the period has no revenue.
        public var revenueShare: Double?

        public init() {}

        public var clicks: Int { recommendationClicks + emailClicks }

        /// Widget clicks / impressions; `nil` without impressions. E-mail clicks are left out: an e-mail has no
        /// impression here, and counting its clicks would inflate the widgets' rate.
        public var clickThroughRate: Double? {
            impressions == 0 ? nil : Double(recommendationClicks) / Double(impressions)
        }
    }

    /// A placement or e-mail campaign; `source == nil` gathers events that carried none.
    public struct SourceGroup: Sendable, Hashable, Codable {
        public var source: String?
        public var metrics: Metrics

        public init(source: String?, metrics: Metrics) {
            self.source = source
            self.metrics = metrics
        }
    }

    /// One arm of one experiment; events outside any experiment are not in `byArm`.
    public struct ArmGroup: Sendable, Hashable, Codable {
        public var experiment: String
        public var arm: String?
        public var metrics: Metrics

        public init(experiment: String, arm: String?, metrics: Metrics) {
            self.experiment = experiment
            self.arm = arm
            self.metrics = metrics
        }
    }

    /// An e-mail campaign's revenue per e-mail sent: what a send is worth, the figure to weigh against the
    /// unsubscribes it costs.
    public struct Campaign: Sendable, Hashable, Codable {
        public var campaign: String
        /// `EmailSend`s of the campaign in the period.
        public var sends: Int
        /// Revenue credited to `emailClick`s whose source is this campaign.
        public var attributedRevenue: Money
        /// `attributedRevenue / sends`, rounded to the unit; `nil` without sends.
        public var revenuePerSend: Money?

        public init(campaign: String, sends: Int, attributedRevenue: Money, revenuePerSend: Money?) {
            self.campaign = campaign
            self.sends = sends
            self.attributedRevenue = attributedRevenue
            self.revenuePerSend = revenuePerSend
        }
    }

    /// Half-open, seconds since 1970.
    public var period: Range<Int64>
    public var windows: AttributionWindows
    /// Distinct orders with a line in the period.
    public var orders: Int
    /// All revenue in the period, attributed or not.
    public var revenue: Money
    public var overall: Metrics
    public var bySource: [SourceGroup]
    public var byArm: [ArmGroup]

    /// Orders with at least one attributed line, and their average value (the whole order, every line).
    public var ordersWithRecommended: Int
    public var averageOrderValueWithRecommended: Money?
    /// Orders with no attributed line, and their average value.
    public var ordersWithoutRecommended: Int
    public var averageOrderValueWithoutRecommended: Money?

    /// Customers with an order in the period (guest orders have none).
    public var customers: Int
    /// Of those, the ones who had ordered before one of their orders in the period (any earlier order in the lines
    /// given, inside the period or before it).
    public var repeatCustomers: Int
    /// `repeatCustomers / customers`; `nil` without customers.
    public var repeatPurchaseRate: Double?

    /// Campaigns with sends or attributed revenue in the period, by name.
    public var campaigns: [Campaign]
    /// The credited lines of the period, sorted by key: the detail behind every sum above.
    public var attributedLines: [AttributedLine]
}
