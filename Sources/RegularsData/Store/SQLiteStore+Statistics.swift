import Foundation
import GRDB

extension SQLiteStore {
    static func loadStatistics(_ db: Database) throws -> StoreStatistics {
        var stats = StoreStatistics()
        stats.customers = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0
        stats.products = try Int.fetchOne(db, sql: "SELECT count(*) FROM product") ?? 0
        stats.catalogProducts = try Int.fetchOne(db, sql: "SELECT count(*) FROM product WHERE inCatalog = 1") ?? 0
        stats.sensitiveProducts = try Int.fetchOne(db, sql: "SELECT count(*) FROM product WHERE sensitive = 1") ?? 0
        stats.optedOutCustomers = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer WHERE optedOut = 1") ?? 0
        stats.orders = try Int.fetchOne(db, sql: "SELECT count(*) FROM shopOrder") ?? 0
        try loadLineStatistics(db, into: &stats)
        if let row = try GRDB.Row.fetchOne(db, sql: "SELECT min(createdAt), max(createdAt) FROM shopOrder") {
            stats.firstOrderAt = row[0]
            stats.lastOrderAt = row[1]
        }
        let months = try GRDB.Row.fetchAll(
            db, sql: "SELECT createdAt / \(DayNumber.seconds) AS day, count(*) FROM shopOrder GROUP BY day")
        for row in months {
            let day: Int64 = row[0]
            stats.ordersPerMonth[Timestamp.isoMonth(day * DayNumber.seconds), default: 0] += row[1] as Int
        }
        stats.guestOrders =
            try Int.fetchOne(db, sql: "SELECT count(*) FROM shopOrder WHERE customerId LIKE 'guest-%'") ?? 0
        let perCustomer = try GRDB.Row.fetchAll(
            db,
            sql: """
                SELECT CASE WHEN n >= 3 THEN 3 ELSE n END AS bucket, count(*) FROM
                    (SELECT count(*) AS n FROM shopOrder GROUP BY customerId) GROUP BY bucket
                """)
        for row in perCustomer {
            switch row[0] as Int {
            case 1: stats.customersWithOneOrder = row[1]
            case 2: stats.customersWithTwoOrders = row[1]
            default: stats.customersWithThreeOrMore = row[1]
            }
        }
        return stats
    }
}
