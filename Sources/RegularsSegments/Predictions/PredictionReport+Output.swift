import Foundation
import RegularsData

extension PredictionReport {
    /// The CSV header of `csv()`.
    public static let csvHeader = [
        "customer_id", "primary_segment", "segments", "rfm", "orders", "total_spend", "last_order_date",
        "days_since_last_order", "p_alive", "expected_orders_30d", "expected_orders_90d", "expected_orders_365d",
        "next_order_date", "expected_spend", "clv",
    ]

    /// One line per customer (all of them, or only `customer`), header first; segments joined by `;`,
    /// empty fields where there is no prediction. What `regulars predict --out FILE` writes.
    public func csv(customer: String? = nil) -> String {
        var out = CSVWriter()
        out.append(Self.csvHeader)
        for p in customers where customer == nil || p.customerID == customer {
            let fields: [String] = [
                p.customerID, p.primarySegment?.rawValue ?? "",
                p.segments.map(\.rawValue).joined(separator: ";"), p.rfm.description, String(p.orders),
                p.totalSpend.description, ReportFormatting.day(p.lastOrderDate), String(p.daysSinceLastOrder),
                ReportFormatting.number(p.probabilityAlive), ReportFormatting.number(p.expectedOrders30Days),
                ReportFormatting.number(p.expectedOrders90Days), ReportFormatting.number(p.expectedOrders365Days),
                p.nextOrderDate.map(ReportFormatting.day) ?? "", p.expectedSpend?.description ?? "",
                p.predictedCLV?.description ?? "",
            ]
            out.append(fields)
        }
        return out.text
    }

    /// The report (or one customer's part of it) as pretty JSON with sorted keys. What
    /// `regulars predict --json` prints.
    public func json(customer: String? = nil) throws -> Data {
        var report = self
        if let customer { report = report.filtered(to: customer) }
        return try ReportFormatting.jsonEncoder().encode(report)
    }

    /// The same report with only one customer's prediction.
    public func filtered(to customer: String) -> PredictionReport {
        PredictionReport(
            asOf: asOf, purchases: purchases, spend: spend, shortfall: shortfall,
            customers: customers.filter { $0.customerID == customer }, segmentCounts: segmentCounts)
    }

    /// A few lines for people: the models, or why there are none, and the segment sizes.
    public var text: String {
        let day = ReportFormatting.lastDay(before: asOf)
        var lines = ["Predictions as of \(day) for \(customers.count) customers with orders"]
        if let purchases {
            lines.append("BG/NBD (\(purchases.unit.rawValue)): \(ReportFormatting.describe(purchases.parameters))")
        }
        if let spend { lines.append("Gamma-Gamma: \(ReportFormatting.describe(spend.parameters))") }
        if let shortfall { lines.append(shortfall.description) }
        let alive = customers.compactMap(\.probabilityAlive)
        if !alive.isEmpty {
            let expected = customers.compactMap(\.expectedOrders90Days).reduce(0, +)
            let meanAlive = alive.reduce(0, +) / Double(alive.count)
            lines.append(
                String(format: "Expected orders in the next 90 days: %.1f; mean P(alive) %.3f", expected, meanAlive))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
