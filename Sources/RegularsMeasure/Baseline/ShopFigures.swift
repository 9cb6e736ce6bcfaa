import Foundation
import RegularsData

/// The numbers the lesson asks a shop to watch, for one period, with the sums their intervals need: average order
/// value, repeat-purchase rate, orders, revenue, the share of revenue recommendations earned, revenue per e-mail.
///
/// `regulars baseline set` freezes one of these; the baseline report compares it with the same figures now.
public struct ShopFigures: Sendable, Hashable, Codable {
    /// Seconds since 1970, `[start, end)`.
    public var start: Int64
    public var end: Int64
    public var orders: Int
    public var revenue: Double
    /// Order values' sum of squares, for the interval of the average order value.
    public var orderValueSumOfSquares: Double
    public var customers: Int
    public var repeatCustomers: Int
    public var attributedRevenue: Double
    public var emailsSent: Int
    public var emailRevenue: Double

    public var averageOrderValue: Double? { orders > 0 ? revenue / Double(orders) : nil }
    public var repeatRate: Double? { customers > 0 ? Double(repeatCustomers) / Double(customers) : nil }
    public var recommendedShare: Double? { revenue > 0 ? attributedRevenue / revenue : nil }
    public var revenuePerEmail: Double? { emailsSent > 0 ? emailRevenue / Double(emailsSent) : nil }

    /// The figures of `report`'s period, with the lines it read for the order values.
    public static func make(report: AttributionReport, lines: [PlacedLine]) -> ShopFigures {
        let period = report.period
        var orderValues: [OrderID: Double] = [:]
        for line in PlacedLine.latest(lines) where period.contains(line.at) {
            orderValues[line.orderID, default: 0] += line.revenue.doubleValue
        }
        return ShopFigures(
            start: period.lowerBound, end: period.upperBound, orders: report.orders,
            revenue: report.revenue.doubleValue,
            orderValueSumOfSquares: orderValues.values.reduce(0) { $0 + $1 * $1 }, customers: report.customers,
            repeatCustomers: report.repeatCustomers, attributedRevenue: report.overall.attributedRevenue.doubleValue,
            emailsSent: report.campaigns.reduce(0) { $0 + $1.sends },
            emailRevenue: report.campaigns.reduce(0) { $0 + $1.attributedRevenue.doubleValue })
    }

    /// The order values as an arm's sums: each order a unit, so the Welch interval compares average order values.
    var orderValueSummary: ArmSummary {
        ArmSummary(
            units: orders, conversions: orders, revenueSum: revenue, revenueSumOfSquares: orderValueSumOfSquares,
            covariateSum: nil, covariateSumOfSquares: nil, crossSum: nil)
    }

    /// Customers as units and repeat customers as conversions, for the repeat rate's interval.
    var repeatSummary: ArmSummary {
        ArmSummary(
            units: customers, conversions: repeatCustomers, revenueSum: 0, revenueSumOfSquares: 0, covariateSum: nil,
            covariateSumOfSquares: nil, crossSum: nil)
    }
}
