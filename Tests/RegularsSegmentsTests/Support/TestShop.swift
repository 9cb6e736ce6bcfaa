import Foundation
import RegularsData
import RegularsTestSupport

/// A hand-made shop for rule tests: orders placed a given number of days before a reference day.
///
/// The reference day is the last day with data; the snapshot's `asOf` is the midnight after it, so
/// an order "0 days ago" was placed on the reference day itself.
struct TestShop {
    let referenceDay: Date
    private var builder: SnapshotBuilder
    private var orderNumber = 0

    init(referenceDay: String = "2024-06-30") {
        self.referenceDay = Fixtures.day(referenceDay)
        builder = SnapshotBuilder(asOf: self.referenceDay.addingTimeInterval(86_400))
    }

    var asOf: Date { builder.asOf }

    /// Adds a product record (for gift signals).
    mutating func product(_ sku: String, title: String, category: String? = nil, tags: [String] = []) {
        builder.add(product: Product(sku: sku, title: title, category: category, tags: tags))
    }

    /// Adds one order of `total` for `customer`, `daysAgo` days before the reference day, at noon UTC.
    mutating func order(_ customer: String, daysAgo: Int, total: Double = 20, sku: String = "P-1", hour: Int = 12) {
        order(
            customer, at: referenceDay.addingTimeInterval(Double(-daysAgo * 86_400 + hour * 3_600)), total: total,
            sku: sku)
    }

    /// Adds one order on a calendar day such as `2023-12-05`.
    mutating func order(_ customer: String, on day: String, total: Double = 20, sku: String = "P-1") {
        order(customer, at: Fixtures.day(day).addingTimeInterval(12 * 3_600), total: total, sku: sku)
    }

    private mutating func order(_ customer: String, at date: Date, total: Double, sku: String) {
        orderNumber += 1
        builder.add(
            line: .init(
                orderID: "#\(1000 + orderNumber)", customerID: customer, orderedAt: Int64(date.timeIntervalSince1970),
                sku: sku, productName: sku, unitPrice: Int64((total * 10_000).rounded())))
    }

    func snapshot() -> Snapshot { builder.build() }
}
