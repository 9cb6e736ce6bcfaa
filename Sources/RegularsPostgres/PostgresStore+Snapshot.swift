import Foundation
import PostgresNIO
import RegularsData

extension PostgresStore {
    /// SQLite's snapshot query, row for row; the lines stream in (ten million of them would not fit as rows).
    static func loadSnapshot(_ session: PostgresSession, asOf: Date) throws -> Snapshot {
        let box = BuilderBox(SnapshotBuilder(asOf: asOf))
        try session.stream(
            "SELECT id, email, firstName, acceptsMarketing, createdAt, optedOut FROM customer ORDER BY id"
        ) { row in
            let (id, email, name, marketing, created, optedOut) = try row.decode(
                (String, String?, String?, Bool, Int64?, Bool).self)
            box.builder.add(
                customer: Customer(
                    id: id, email: email, firstName: name, acceptsMarketing: marketing,
                    createdAt: created.map { Date(timeIntervalSince1970: TimeInterval($0)) }, optedOut: optedOut))
        }
        try session.stream(
            """
            SELECT sku, title, handle, description, vendor, category, tags, price, compareAtPrice, cost,
                inventory, status, createdAt, sensitive FROM product WHERE inCatalog ORDER BY sku
            """
        ) { row in
            let (
                sku, title, handle, description, vendor, category, tags, price, compareAt, cost, inventory, status,
                created, sensitive
            ) = try row.decode(
                (
                    String, String, String?, String?, String?, String?, String, Int64?, Int64?, Int64?, Int64?,
                    String?, Int64?, Bool
                ).self)
            box.builder.add(
                product: Product(
                    sku: sku, title: title, handle: handle, description: description, vendor: vendor,
                    category: category, tags: tags.isEmpty ? [] : tags.split(separator: ",").map(String.init),
                    price: price.map(Money.init(units:)), compareAtPrice: compareAt.map(Money.init(units:)),
                    cost: cost.map(Money.init(units:)), inventory: inventory.map { Int($0) }, status: status,
                    createdAt: created.map { Date(timeIntervalSince1970: TimeInterval($0)) }, sensitive: sensitive))
        }
        try session.stream("SELECT sku, category FROM product WHERE category IS NOT NULL") { row in
            let (sku, category) = try row.decode((String, String).self)
            box.builder.categoryBySKU[sku] = category
        }
        let cutoff = Int64(asOf.timeIntervalSince1970.rounded(.up))
        try session.stream(
            """
            SELECT o.id, o.customerId, o.createdAt, l.sku, l.productName, l.quantity, l.unitPrice
            FROM orderLine l JOIN shopOrder o ON o.key = l.orderKey
            WHERE o.createdAt < $1 ORDER BY o.customerId, o.createdAt, o.id, l.position
            """, [cutoff]
        ) { row in
            let (order, customer, at, sku, name, quantity, price) = try row.decode(
                (String, String, Int64, String, String, Int64, Int64).self)
            _ = box.builder.add(
                line: SnapshotBuilder.Line(
                    orderID: order, customerID: customer, orderedAt: at, sku: sku, productName: name, category: nil,
                    quantity: Int32(clamping: quantity), unitPrice: price))
        }
        try session.stream("SELECT id, total FROM shopOrder WHERE createdAt < $1", [cutoff]) { row in
            let (id, total) = try row.decode((String, Int64).self)
            box.builder.setTotal(Money(units: total), ofOrder: id)
        }
        return box.builder.build()
    }
}

/// The builder the row callbacks fill. They run on NIO's thread one after another while the caller waits, so it
/// is never touched from two threads at once.
private final class BuilderBox: @unchecked Sendable {
    var builder: SnapshotBuilder
    init(_ builder: SnapshotBuilder) { self.builder = builder }
}
