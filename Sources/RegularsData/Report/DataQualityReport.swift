import Foundation

/// The data-quality report shown after every import and by `regulars stats`: counts, dates, and in plain
/// words whether the data is enough for each feature.
public struct DataQualityReport: Sendable, Codable {
    public var statistics: StoreStatistics
    public var lastImport: ImportReport?
    public var readiness: [Readiness]

    /// Whether one feature has enough data, and what is missing if not.
    public struct Readiness: Sendable, Codable, Hashable {
        public var feature: String
        public var ready: Bool
        public var note: String
    }

    public init(statistics: StoreStatistics, lastImport: ImportReport?) {
        self.statistics = statistics
        self.lastImport = lastImport
        readiness = Self.assess(statistics)
    }

    /// Thresholds below which a feature answers with rules and says so, rather than with noisy numbers.
    static func assess(_ s: StoreStatistics) -> [Readiness] {
        let days = s.firstOrderAt.flatMap { first in s.lastOrderAt.map { Int(($0 - first) / DayNumber.seconds) } } ?? 0
        var result: [Readiness] = []
        result.append(
            s.orders >= 50
                ? .init(
                    feature: "recommendations", ready: true,
                    note: "\(s.orders) orders is enough to learn what sells together")
                : .init(
                    feature: "recommendations", ready: false,
                    note: "recommendations need at least 50 orders (have \(s.orders)); until then, bestsellers"))
        result.append(
            s.repeatCustomers >= 100 && days >= 90
                ? .init(
                    feature: "predictions", ready: true,
                    note:
                        "\(s.repeatCustomers) repeat customers over \(days) days "
                        + "supports P(alive), next order and value"
                )
                : .init(
                    feature: "predictions", ready: false,
                    note:
                        "predictions need at least 90 days of history and 100 repeat customers "
                        + "(have \(days) days, \(s.repeatCustomers) repeat customers)"
                ))
        result.append(
            s.orders > 0
                ? .init(
                    feature: "segments", ready: true, note: "new, active, loyal and lapsed work from any order history")
                : .init(feature: "segments", ready: false, note: "segments need orders"))
        result.append(
            days >= 365
                ? .init(
                    feature: "seasonality", ready: true,
                    note: "more than a year of orders: last year's same weeks can inform this year's")
                : .init(
                    feature: "seasonality", ready: false,
                    note: "seasonal patterns need a full year of history (have \(days) days)"))
        result.append(
            s.catalogProducts > 0
                ? .init(
                    feature: "catalog", ready: true,
                    note: "\(s.catalogProducts) products with catalog details (price, stock, category)")
                : .init(
                    feature: "catalog", ready: false,
                    note:
                        "no product catalog imported: similar items, "
                        + "stock and margin rules need `regulars import products`"
                ))
        return result
    }

    /// The report as a shop owner reads it.
    public var text: String {
        let s = statistics
        var out: [String] = []
        if let run = lastImport {
            out.append("Last import: \(run.file) (\(run.kind), \(run.format))")
            out.append("  rows read \(run.rowsRead), imported \(run.rowsImported), rejected \(run.rejectedCount)")
            for (reason, count) in run.skipped.sorted(by: { $0.key < $1.key }) {
                out.append("  skipped \(count) row(s): \(reason)")
            }
            for (reason, count) in run.skippedOrders.sorted(by: { $0.key < $1.key }) {
                out.append("  skipped \(count) \(reason) order(s)")
            }
            for (reason, count) in run.rejectedByReason.sorted(by: { $0.key < $1.key }) {
                out.append("  rejected \(count) row(s): \(reason)")
            }
            if let rejects = run.rejectsFile { out.append("  rejected rows written to \(rejects)") }
        }
        out.append(
            "Store: \(s.customers) customers, \(s.products) products, \(s.orders) orders, \(s.orderLines) order lines")
        if let first = s.firstOrderAt, let last = s.lastOrderAt {
            out.append("Orders from \(Timestamp.iso(first)) to \(Timestamp.iso(last))")
        }
        if !s.ordersPerMonth.isEmpty {
            let months = s.ordersPerMonth.sorted { $0.key < $1.key }
            let peak = months.map(\.value).max() ?? 1
            out.append("Orders per month:")
            for (month, count) in months {
                out.append("  \(month) \(String(repeating: "#", count: max(1, count * 30 / max(peak, 1)))) \(count)")
            }
        }
        out.append(
            "Customers by orders: 1 order \(s.customersWithOneOrder), 2 orders \(s.customersWithTwoOrders), "
                + "3+ orders \(s.customersWithThreeOrMore)"
        )
        out.append("Guest orders (no e-mail): \(s.guestOrders); duplicate lines: \(s.duplicateLines)")
        out.append("Order lines whose SKU has no catalog record: \(s.linesWithoutProductRecord) (of \(s.orderLines))")
        out.append("What your data is ready for:")
        for item in readiness { out.append("  [\(item.ready ? "ok" : "--")] \(item.feature): \(item.note)") }
        return out.joined(separator: "\n")
    }
}
