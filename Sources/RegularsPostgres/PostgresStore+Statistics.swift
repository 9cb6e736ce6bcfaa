import Foundation
import RegularsData

extension PostgresStore {
    /// The data-quality report's counts, each a query PostgreSQL plans for itself (SQLite's one-scan shortcut for
    /// the line figures answers a limit of SQLite's, not of PostgreSQL's).
    static func loadStatistics(_ session: PostgresSession) throws -> StoreStatistics {
        var stats = StoreStatistics()
        func count(_ sql: String) throws -> Int { Int(try session.value(Int64.self, sql) ?? 0) }
        stats.customers = try count("SELECT count(*) FROM customer")
        stats.products = try count("SELECT count(*) FROM product")
        stats.catalogProducts = try count("SELECT count(*) FROM product WHERE inCatalog")
        stats.sensitiveProducts = try count("SELECT count(*) FROM product WHERE sensitive")
        stats.optedOutCustomers = try count("SELECT count(*) FROM customer WHERE optedOut")
        stats.orders = try count("SELECT count(*) FROM shopOrder")
        stats.orderLines = try count("SELECT count(*) FROM orderLine")
        stats.distinctSKUsInOrders = try count("SELECT count(DISTINCT sku) FROM orderLine")
        stats.linesWithoutProductRecord = try count(
            """
            SELECT count(*) FROM orderLine l
            WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.sku = l.sku AND p.inCatalog)
            """)
        stats.duplicateLines = try count(
            """
            SELECT coalesce(sum(n - 1), 0)::bigint FROM
                (SELECT count(*) AS n FROM orderLine GROUP BY orderKey, sku, quantity, unitPrice HAVING count(*) > 1) d
            """)
        if let row = try session.query("SELECT min(createdAt), max(createdAt) FROM shopOrder").rows.first {
            (stats.firstOrderAt, stats.lastOrderAt) = try row.decode((Int64?, Int64?).self)
        }
        for row in try session.query(
            "SELECT createdAt / \(DayNumber.seconds) AS day, count(*) FROM shopOrder GROUP BY day"
        ).rows {
            let (day, orders) = try row.decode((Int64, Int64).self)
            stats.ordersPerMonth[Timestamp.isoMonth(day * DayNumber.seconds), default: 0] += Int(orders)
        }
        stats.guestOrders = try count("SELECT count(*) FROM shopOrder WHERE customerId LIKE 'guest-%'")
        for row in try session.query(
            """
            SELECT CASE WHEN n >= 3 THEN 3 ELSE n END AS bucket, count(*) FROM
                (SELECT count(*) AS n FROM shopOrder GROUP BY customerId) c GROUP BY bucket
            """
        ).rows {
            let (bucket, customers) = try row.decode((Int64, Int64).self)
            switch bucket {
            case 1: stats.customersWithOneOrder = Int(customers)
            case 2: stats.customersWithTwoOrders = Int(customers)
            default: stats.customersWithThreeOrMore = Int(customers)
            }
        }
        return stats
    }
}
