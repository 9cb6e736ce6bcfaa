import Foundation
import GRDB

/// Upserts inside one SQLite transaction, through cached prepared statements.
struct SQLiteStoreWriter: StoreWriter {
    let db: Database

    private func run(_ sql: String, _ arguments: StatementArguments) throws {
        let statement = try db.cachedStatement(sql: sql)
        statement.setUncheckedArguments(arguments)
        try statement.execute()
    }

    func ensureCustomer(_ id: CustomerID) throws {
        try run("INSERT INTO customer (id) VALUES (?) ON CONFLICT(id) DO NOTHING", [id])
    }

    func upsert(customer: Customer) throws {
        try run(
            """
            INSERT INTO customer (id, email, firstName, acceptsMarketing, createdAt, optedOut) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET email = coalesce(excluded.email, email),
                firstName = coalesce(excluded.firstName, firstName), acceptsMarketing = excluded.acceptsMarketing,
                createdAt = coalesce(createdAt, excluded.createdAt), optedOut = max(optedOut, excluded.optedOut)
            """,
            [
                customer.id, customer.email, customer.firstName, customer.acceptsMarketing,
                customer.createdAt.map { Int64($0.timeIntervalSince1970) }, customer.optedOut,
            ])
    }

    func upsert(product: Product) throws {
        try run(
            """
            INSERT INTO product (sku, title, handle, description, vendor, category, tags, price, compareAtPrice, cost,
                inventory, status, createdAt, sensitive, inCatalog) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT(sku) DO UPDATE SET title = excluded.title, handle = excluded.handle,
                description = excluded.description, vendor = excluded.vendor, category = excluded.category,
                tags = excluded.tags, price = excluded.price, compareAtPrice = excluded.compareAtPrice,
                cost = excluded.cost, inventory = excluded.inventory, status = excluded.status,
                createdAt = coalesce(excluded.createdAt, createdAt), sensitive = max(sensitive, excluded.sensitive),
                inCatalog = 1
            """,
            [
                product.sku, product.title, product.handle, product.description, product.vendor, product.category,
                product.tags.joined(separator: ","), product.price?.units, product.compareAtPrice?.units,
                product.cost?.units, product.inventory, product.status,
                product.createdAt.map { Int64($0.timeIntervalSince1970) }, product.sensitive,
            ])
    }

    func ensureProduct(sku: SKU, title: String, category: String?) throws {
        try run(
            """
            INSERT INTO product (sku, title, category) VALUES (?, ?, ?)
            ON CONFLICT(sku) DO UPDATE SET title = excluded.title, category = coalesce(excluded.category, category)
            WHERE inCatalog = 0
            """, [sku, title, category])
    }

    func upsert(order: Order) throws {
        try run(
            """
            INSERT INTO shopOrder (id, customerId, createdAt, currency, total, discountCode, source)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET customerId = excluded.customerId, createdAt = excluded.createdAt,
                currency = excluded.currency, total = excluded.total, discountCode = excluded.discountCode,
                source = excluded.source
            """,
            [
                order.id, order.customerID, Int64(order.createdAt.timeIntervalSince1970), order.currency,
                order.total.units, order.discountCode, order.source,
            ])
    }

    func upsert(line: OrderLine) throws {
        try run(
            """
            INSERT INTO orderLine (orderId, position, sku, productName, quantity, unitPrice) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(orderId, position) DO UPDATE SET sku = excluded.sku, productName = excluded.productName,
                quantity = excluded.quantity, unitPrice = excluded.unitPrice
            """,
            [line.orderID, line.position, line.sku, line.productName, line.quantity, line.unitPrice.units])
    }

    func trimLines(of order: OrderID, keeping count: Int) throws {
        try run("DELETE FROM orderLine WHERE orderId = ? AND position > ?", [order, count])
    }

    func record(report: ImportReport) throws {
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        try run("INSERT INTO importLog (kind, report) VALUES (?, ?)", [report.kind, json])
    }
}
