import Foundation
import PostgresNIO
import RegularsData

/// Upserts inside one PostgreSQL transaction, sent in batches: a round trip per row would make a million-line
/// import a million waits. Rows wait in memory until a batch is full or something must see them (a trim, a
/// removal, the end of the transaction), and go in the order SQLite would write them: customers, products, orders,
/// then lines, so every reference finds its row.
///
/// A batch is one `INSERT … VALUES (…), (…) ON CONFLICT`, which may not touch one row twice: a row whose key is
/// already waiting sends the waiting batches first.
final class PostgresStoreWriter: StoreWriter {
    let session: PostgresSession
    /// Rows per statement: PostgreSQL takes at most 65,535 bound values in one.
    static let batchRows = 4_000

    private var knownCustomers: [CustomerID] = []
    private var knownCustomerSet: Set<CustomerID> = []
    private var customers: [Customer] = []
    private var customerSet: Set<CustomerID> = []
    private var catalogProducts: [Product] = []
    private var catalogSet: Set<SKU> = []
    /// Products known only from lines, by SKU, merged as consecutive upserts would merge them.
    private var lineProducts: [SKU: (title: String, category: String?)] = [:]
    private var lineProductOrder: [SKU] = []
    private var orders: [Order] = []
    private var orderSet: Set<OrderID> = []
    private var lines: [OrderLine] = []
    private var lineSet: Set<LineKey> = []
    private var trims: [(order: OrderID, keeping: Int)] = []
    /// Orders this import inserted (not updated): they have no lines from before, so nothing to trim. As
    /// SQLiteStoreWriter keeps them; PostgreSQL tells an inserted row from an updated one by its `xmax` of 0.
    private var insertedOrders: Set<OrderID> = []
    /// The keys of the orders the last flush wrote: their lines, which follow them, are written under the key
    /// itself. A line whose order was written earlier has its key looked up, a batch at a time.
    private var orderKeys: [OrderID: Int64] = [:]
    private var suppressions: SuppressionList?

    private struct LineKey: Hashable {
        let order: OrderID
        let position: Int
    }

    init(session: PostgresSession) { self.session = session }

    func suppressionList() throws -> SuppressionList {
        if let suppressions { return suppressions }
        let list = try PostgresStore.suppressionList(session)
        suppressions = list
        return list
    }

    func ensureCustomer(_ id: CustomerID) throws {
        guard !knownCustomerSet.contains(id) else { return }
        knownCustomerSet.insert(id)
        knownCustomers.append(id)
        if knownCustomers.count >= Self.batchRows { try flush() }
    }

    func upsert(customer: Customer) throws {
        if customerSet.contains(customer.id) { try flush() }
        customerSet.insert(customer.id)
        customers.append(customer)
        if customers.count >= Self.batchRows { try flush() }
    }

    func upsert(product: Product) throws {
        if catalogSet.contains(product.sku) || lineProducts[product.sku] != nil { try flush() }
        catalogSet.insert(product.sku)
        catalogProducts.append(product)
        if catalogProducts.count >= Self.batchRows { try flush() }
    }

    func ensureProduct(sku: SKU, title: String, category: String?) throws {
        if catalogSet.contains(sku) { try flush() }
        if let known = lineProducts[sku] {
            lineProducts[sku] = (title, category ?? known.category)
            return
        }
        lineProducts[sku] = (title, category)
        lineProductOrder.append(sku)
        if lineProductOrder.count >= Self.batchRows { try flush() }
    }

    func upsert(order: Order) throws {
        if orderSet.contains(order.id) { try flush() }
        orderSet.insert(order.id)
        orders.append(order)
        if orders.count >= Self.batchRows { try flush() }
    }

    func upsert(line: OrderLine) throws {
        let key = LineKey(order: line.orderID, position: line.position)
        if lineSet.contains(key) { try flush() }
        lineSet.insert(key)
        lines.append(line)
        if lines.count >= Self.batchRows { try flush() }
    }

    /// Waits with the lines: the importer trims every order it writes (a shrunk order loses its extra lines), and a
    /// statement per order would cost what batching saves. Trims run after the lines they follow.
    func trimLines(of order: OrderID, keeping count: Int) throws {
        trims.append((order, count))
        if trims.count >= Self.batchRows { try flush() }
    }

    func removeOrder(_ id: OrderID) throws -> Bool {
        try flush()
        insertedOrders.remove(id)
        orderKeys[id] = nil
        // Its lines go by the foreign key's cascade.
        return try session.execute("DELETE FROM shopOrder WHERE id = $1", [id]) > 0
    }

    func record(report: ImportReport) throws {
        try flush()
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        try session.execute("INSERT INTO importLog (kind, report) VALUES ($1, $2)", [report.kind, json])
    }

    /// Sends every waiting row, in reference order.
    func flush() throws {
        try flushCustomers()
        try flushProducts()
        try flushOrders()
        try flushLines()
        try flushTrims()
    }

    private func flushTrims() throws {
        // An order first inserted by this import has only the lines it just got.
        trims.removeAll { insertedOrders.contains($0.order) }
        for start in stride(from: 0, to: trims.count, by: Self.batchRows) {
            let batch = trims[start..<min(start + Self.batchRows, trims.count)]
            try session.execute(
                """
                DELETE FROM orderLine l USING shopOrder o,
                    (VALUES \(Self.placeholders(rows: batch.count, columns: 2))) AS t (id, keeping)
                WHERE o.id = t.id AND l.orderKey = o.key AND l.position > t.keeping
                """, batch.flatMap { [$0.order, Int64($0.keeping)] as [any SQLValue] })
        }
        trims.removeAll(keepingCapacity: true)
    }

    private func flushCustomers() throws {
        try insert(
            knownCustomers.map { [$0] }, into: "customer (id)", conflict: "ON CONFLICT (id) DO NOTHING")
        knownCustomers.removeAll(keepingCapacity: true)
        knownCustomerSet.removeAll(keepingCapacity: true)
        try insert(
            customers.map { customer -> [any SQLValue] in
                [
                    customer.id, customer.email, customer.firstName, customer.acceptsMarketing,
                    customer.createdAt.map { Int64($0.timeIntervalSince1970) }, customer.optedOut,
                ]
            },
            into: "customer AS c (id, email, firstName, acceptsMarketing, createdAt, optedOut)",
            conflict: """
                ON CONFLICT (id) DO UPDATE SET email = coalesce(excluded.email, c.email),
                    firstName = coalesce(excluded.firstName, c.firstName), acceptsMarketing = excluded.acceptsMarketing,
                    createdAt = coalesce(c.createdAt, excluded.createdAt), optedOut = c.optedOut OR excluded.optedOut
                """)
        customers.removeAll(keepingCapacity: true)
        customerSet.removeAll(keepingCapacity: true)
    }

    private func flushProducts() throws {
        try insert(
            catalogProducts.map { product -> [any SQLValue] in
                [
                    product.sku, product.title, product.handle, product.description, product.vendor, product.category,
                    product.tags.joined(separator: ","), product.price?.units, product.compareAtPrice?.units,
                    product.cost?.units, product.inventory.map(Int64.init), product.status,
                    product.createdAt.map { Int64($0.timeIntervalSince1970) }, product.sensitive, true,
                ]
            },
            into: """
                product AS p (sku, title, handle, description, vendor, category, tags, price, compareAtPrice, cost,
                    inventory, status, createdAt, sensitive, inCatalog)
                """,
            conflict: """
                ON CONFLICT (sku) DO UPDATE SET title = excluded.title, handle = excluded.handle,
                    description = excluded.description, vendor = excluded.vendor, category = excluded.category,
                    tags = excluded.tags, price = excluded.price, compareAtPrice = excluded.compareAtPrice,
                    cost = excluded.cost, inventory = excluded.inventory, status = excluded.status,
                    createdAt = coalesce(excluded.createdAt, p.createdAt),
                    sensitive = p.sensitive OR excluded.sensitive,
                    inCatalog = true
                """)
        catalogProducts.removeAll(keepingCapacity: true)
        catalogSet.removeAll(keepingCapacity: true)
        try insert(
            lineProductOrder.map { sku -> [any SQLValue] in
                let product = lineProducts[sku]!
                return [sku, product.title, product.category]
            },
            into: "product AS p (sku, title, category)",
            conflict: """
                ON CONFLICT (sku) DO UPDATE SET title = excluded.title,
                    category = coalesce(excluded.category, p.category) WHERE NOT p.inCatalog
                """)
        lineProducts.removeAll(keepingCapacity: true)
        lineProductOrder.removeAll(keepingCapacity: true)
    }

    private func flushOrders() throws {
        let written = try insert(
            orders.map { order -> [any SQLValue] in
                [
                    order.id, order.customerID, Int64(order.createdAt.timeIntervalSince1970), order.currency,
                    order.total.units, order.discountCode, order.source,
                ]
            },
            into: "shopOrder (id, customerId, createdAt, currency, total, discountCode, source)",
            conflict: """
                ON CONFLICT (id) DO UPDATE SET customerId = excluded.customerId, createdAt = excluded.createdAt,
                    currency = excluded.currency, total = excluded.total, discountCode = excluded.discountCode,
                    source = excluded.source
                RETURNING id, key, xmax = 0
                """)
        orderKeys.removeAll(keepingCapacity: true)
        for row in written {
            let (id, key, inserted) = try row.decode((String, Int64, Bool).self)
            orderKeys[id] = key
            if inserted { insertedOrders.insert(id) }
        }
        orders.removeAll(keepingCapacity: true)
        orderSet.removeAll(keepingCapacity: true)
    }

    /// Lines go under their order's key: the orders just written returned theirs, and the few orders written before
    /// this flush (a line batch can end in the middle of an order) are looked up at once. Joining each line to its
    /// order by text id in the statement cost an index search per line, and a third of a 10-million-line import.
    private func flushLines() throws {
        guard !lines.isEmpty else { return }
        let unknown = Set(lines.lazy.map(\.orderID).filter { self.orderKeys[$0] == nil })
        if !unknown.isEmpty {
            for row in try session.query("SELECT id, key FROM shopOrder WHERE id = ANY($1)", [Array(unknown)]).rows {
                let (id, key) = try row.decode((String, Int64).self)
                orderKeys[id] = key
            }
        }
        for start in stride(from: 0, to: lines.count, by: Self.batchRows) {
            let batch = lines[start..<min(start + Self.batchRows, lines.count)]
            var keys: [Int64] = []
            keys.reserveCapacity(batch.count)
            for line in batch {
                guard let key = orderKeys[line.orderID] else {
                    throw StoreError(code: .corrupt, message: "order \(line.orderID) has lines but no order record")
                }
                keys.append(key)
            }
            // One array a column (`unnest`): six values to bind, not six a line, so the statement parses and binds
            // in no time whatever the batch's size. A line that is already as sent is left alone: re-importing a
            // file writes no new row versions for what did not change.
            try session.execute(
                """
                INSERT INTO orderLine (orderKey, position, sku, productName, quantity, unitPrice)
                SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
                ON CONFLICT (orderKey, position) DO UPDATE SET sku = excluded.sku, productName = excluded.productName,
                    quantity = excluded.quantity, unitPrice = excluded.unitPrice
                WHERE (orderLine.sku, orderLine.productName, orderLine.quantity, orderLine.unitPrice)
                    IS DISTINCT FROM (excluded.sku, excluded.productName, excluded.quantity, excluded.unitPrice)
                """,
                [
                    keys, batch.map { Int64($0.position) }, batch.map(\.sku), batch.map(\.productName),
                    batch.map { Int64($0.quantity) }, batch.map(\.unitPrice.units),
                ])
        }
        lines.removeAll(keepingCapacity: true)
        lineSet.removeAll(keepingCapacity: true)
    }

    /// One multi-row insert per batch of `rows`.
    /// One multi-row insert per batch of `rows`; the rows its `RETURNING` gives, if any.
    @discardableResult
    private func insert(_ rows: [[any SQLValue]], into table: String, conflict: String) throws -> [PostgresRow] {
        guard let columns = rows.first?.count else { return [] }
        var returned: [PostgresRow] = []
        for start in stride(from: 0, to: rows.count, by: Self.batchRows) {
            let batch = rows[start..<min(start + Self.batchRows, rows.count)]
            returned += try session.query(
                "INSERT INTO \(table) VALUES \(Self.placeholders(rows: batch.count, columns: columns)) \(conflict)",
                batch.flatMap { $0 }
            ).rows
        }
        return returned
    }

    /// `($1, $2), ($3, $4)` for two rows of two columns.
    static func placeholders(rows: Int, columns: Int) -> String {
        var text = ""
        text.reserveCapacity(rows * columns * 7)
        var n = 0
        for row in 0..<rows {
            text += row == 0 ? "(" : ", ("
            for column in 0..<columns {
                n += 1
                text += column == 0 ? "$\(n)" : ", $\(n)"
            }
            text += ")"
        }
        return text
    }
}
