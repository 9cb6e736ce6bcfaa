import Foundation
import GRDB

extension SQLiteStore {
    /// Every line of the orders before a moment, by customer, time, order and position, with its order's total:
    /// walked by the unique index on orders (`orderIndexes`), so SQLite sorts nothing.
    public static let snapshotLinesSQL = """
        SELECT o.id, o.customerId, o.createdAt, l.sku, l.productName, l.quantity, l.unitPrice, o.total
        FROM orderLine l JOIN shopOrder o ON o.key = l.orderKey
        WHERE o.createdAt < ? ORDER BY o.customerId, o.createdAt, o.id, l.position
        """

    /// Reads customers, products and every order line before `asOf` into a `Snapshot`.
    static func loadSnapshot(_ db: Database, asOf: Date) throws -> Snapshot {
        var builder = SnapshotBuilder(asOf: asOf)
        let customers = try GRDB.Row.fetchCursor(
            db, sql: "SELECT id, email, firstName, acceptsMarketing, createdAt, optedOut FROM customer ORDER BY id")
        while let row = try customers.next() {
            builder.add(
                customer: Customer(
                    id: row[0], email: row[1], firstName: row[2], acceptsMarketing: row[3],
                    createdAt: (row[4] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) },
                    optedOut: row[5]))
        }
        let products = try GRDB.Row.fetchCursor(
            db,
            sql: """
                SELECT sku, title, handle, description, vendor, category, tags, price, compareAtPrice, cost,
                    inventory, status, createdAt, sensitive FROM product WHERE inCatalog = 1 ORDER BY sku
                """)
        while let row = try products.next() {
            let tags: String = row[6]
            builder.add(
                product: Product(
                    sku: row[0], title: row[1], handle: row[2], description: row[3], vendor: row[4], category: row[5],
                    tags: tags.isEmpty ? [] : tags.split(separator: ",").map(String.init),
                    price: (row[7] as Int64?).map(Money.init(units:)),
                    compareAtPrice: (row[8] as Int64?).map(Money.init(units:)),
                    cost: (row[9] as Int64?).map(Money.init(units:)), inventory: row[10], status: row[11],
                    createdAt: (row[12] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) },
                    sensitive: row[13]))
        }
        // Every product's category, for the builder to look up when a product needs one: joining the product
        // table in the query below made SQLite search its index once per line (3.5 of 6 s on 1.5 million lines).
        let categorised = try GRDB.Row.fetchCursor(
            db, sql: "SELECT sku, category FROM product WHERE category IS NOT NULL")
        while let row = try categorised.next() { builder.categoryBySKU[row[0]] = row[1] }
        let cutoff = Int64(asOf.timeIntervalSince1970.rounded(.up))
        let lines = try GRDB.Row.fetchCursor(db, sql: snapshotLinesSQL, arguments: [cutoff])
        // SQLite's stepping and decoding on this thread (the database's), the builder's indexing on another. The
        // order's total comes with its lines: a second query looked every order up again by its id. On 1.5 million
        // lines the whole load took 3.0 s before, 1.5 s with the unique index and the two threads.
        try SnapshotLoading.overlapped(into: &builder) { send in
            var batch: [SnapshotLoading.Entry] = []
            batch.reserveCapacity(SnapshotLoading.batchSize)
            while let row = try lines.next() {
                batch.append(
                    SnapshotLoading.Entry(
                        line: SnapshotBuilder.Line(
                            orderID: row[0], customerID: row[1], orderedAt: row[2], sku: row[3], productName: row[4],
                            category: nil, quantity: Int32(clamping: row[5] as Int64), unitPrice: row[6]),
                        orderTotal: row[7]))
                if batch.count == SnapshotLoading.batchSize {
                    try send(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try send(batch) }
        }
        return builder.build()
    }
}
