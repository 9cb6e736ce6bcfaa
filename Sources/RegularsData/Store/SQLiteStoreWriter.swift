import Foundation
import GRDB
import GRDBSQLite

/// Upserts inside one SQLite transaction, through prepared statements kept for the whole import.
final class SQLiteStoreWriter: StoreWriter {
    let db: Database
    // Keyed by the SQL text's identity in this file: looking statements up by hashing long SQL strings
    // on every one of a million rows cost more than executing them.
    private var statements: [Int: Statement] = [:]
    // The statements of the per-row calls, bound through SQLite's C API (see `upsert(line:)`).
    private var lineStatement, orderInsertStatement, orderUpsertStatement, customerStatement: Statement?
    /// Orders this import inserted (not updated): they have no lines from before, so nothing to trim.
    private var insertedOrders: Set<OrderID> = []
    /// The last order written and its integer key: its lines follow it.
    private var lastOrder: (id: OrderID, key: Int64)?

    private var suppressions: SuppressionList?

    init(db: Database) { self.db = db }

    /// Read on first use and kept: a writer lives for one transaction, in which nothing else erases.
    func suppressionList() throws -> SuppressionList {
        if let suppressions { return suppressions }
        let list = try SQLiteStore.suppressionList(db)
        suppressions = list
        return list
    }

    private func run(_ sql: StaticString, _ arguments: StatementArguments) throws {
        try statement(sql, arguments).execute()
    }

    private func statement(_ sql: StaticString, _ arguments: StatementArguments) throws -> Statement {
        let key = Int(bitPattern: sql.utf8Start)
        let statement: Statement
        if let cached = statements[key] {
            statement = cached
        } else {
            statement = try db.makeStatement(sql: sql.description)
            statements[key] = statement
        }
        statement.setUncheckedArguments(arguments)
        return statement
    }

    private func orderKey(_ id: OrderID) throws -> Int64 {
        if let lastOrder, lastOrder.id == id { return lastOrder.key }
        guard let key = try Int64.fetchOne(try statement("SELECT key FROM shopOrder WHERE id = ?", [id])) else {
            throw StoreError(code: .corrupt, message: "order \(id) has lines but no order record")
        }
        lastOrder = (id, key)
        return key
    }

    func ensureCustomer(_ id: CustomerID) throws {
        let handle = try prepared(
            &customerStatement, "INSERT INTO customer (id) VALUES (?) ON CONFLICT(id) DO NOTHING")
        Self.bind(text: id, to: handle, at: 1)
        try step(handle)
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

    /// Through the C API, like the lines: it runs once per order, a hundred thousand times in a million-line
    /// file. A new order is a plain insert whose key is SQLite's last rowid: `RETURNING` built a temporary
    /// B-tree on every call, which made orders cost a third of a fresh import. Only an order already in the
    /// store (a re-import) takes the upsert.
    func upsert(order: Order) throws {
        let insert = try prepared(
            &orderInsertStatement,
            """
            INSERT INTO shopOrder (id, customerId, createdAt, currency, total, discountCode, source)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING
            """)
        Self.bind(order, to: insert)
        try step(insert)
        if sqlite3_changes(db.sqliteConnection) == 1 {
            let key = sqlite3_last_insert_rowid(db.sqliteConnection)
            lastOrder = (order.id, key)
            insertedOrders.insert(order.id)
            return
        }
        let upsert = try prepared(
            &orderUpsertStatement,
            """
            INSERT INTO shopOrder (id, customerId, createdAt, currency, total, discountCode, source)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET customerId = excluded.customerId, createdAt = excluded.createdAt,
                currency = excluded.currency, total = excluded.total, discountCode = excluded.discountCode,
                source = excluded.source
            RETURNING key
            """)
        Self.bind(order, to: upsert)
        let status = sqlite3_step(upsert)
        guard status == SQLITE_ROW else {
            if status == SQLITE_DONE { throw StoreError(code: .corrupt, message: "order \(order.id) was not written") }
            throw failure(status)
        }
        lastOrder = (order.id, sqlite3_column_int64(upsert, 0))
        try step(upsert)
    }

    private static func bind(_ order: Order, to handle: OpaquePointer) {
        bind(text: order.id, to: handle, at: 1)
        bind(text: order.customerID, to: handle, at: 2)
        sqlite3_bind_int64(handle, 3, Int64(order.createdAt.timeIntervalSince1970))
        bind(optional: order.currency, to: handle, at: 4)
        sqlite3_bind_int64(handle, 5, order.total.units)
        bind(optional: order.discountCode, to: handle, at: 6)
        bind(optional: order.source, to: handle, at: 7)
    }

    /// The one call per order line, so it binds through SQLite's C API on a statement kept in a property:
    /// building GRDB's `StatementArguments` and looking the statement up for each of a million lines cost
    /// about as much as SQLite's own work.
    func upsert(line: OrderLine) throws {
        let handle = try prepared(
            &lineStatement,
            """
            INSERT INTO orderLine (orderKey, position, sku, productName, quantity, unitPrice) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(orderKey, position) DO UPDATE SET sku = excluded.sku, productName = excluded.productName,
                quantity = excluded.quantity, unitPrice = excluded.unitPrice
            """)
        sqlite3_bind_int64(handle, 1, try orderKey(line.orderID))
        sqlite3_bind_int64(handle, 2, Int64(line.position))
        sqlite3_bind_int64(handle, 5, Int64(line.quantity))
        sqlite3_bind_int64(handle, 6, line.unitPrice.units)
        // The two texts are bound without a copy (SQLITE_STATIC, a malloc and memcpy each per line otherwise):
        // the step runs while their bytes are borrowed, and every call binds them again before stepping.
        try Self.withBytes(of: line.sku) { sku in
            try Self.withBytes(of: line.productName) { name in
                Self.bind(borrowed: sku, to: handle, at: 3)
                Self.bind(borrowed: name, to: handle, at: 4)
                try step(handle)
            }
        }
    }

    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return try copy.withUTF8(body)
    }

    /// Binds bytes that stay valid until the statement's next step returns.
    private static func bind(borrowed bytes: UnsafeBufferPointer<UInt8>, to handle: OpaquePointer, at index: Int32) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            sqlite3_bind_text(handle, index, "", 0, transient)
            return
        }
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            _ = sqlite3_bind_text(handle, index, $0, Int32(bytes.count), nil)
        }
    }

    /// The statement in `slot`, prepared on first use, reset for new arguments.
    private func prepared(_ slot: inout Statement?, _ sql: @autoclosure () -> String) throws -> OpaquePointer {
        if let slot {
            sqlite3_reset(slot.sqliteStatement)
            return slot.sqliteStatement
        }
        let statement = try db.makeStatement(sql: sql())
        slot = statement
        return statement.sqliteStatement
    }

    /// Runs `handle` to its end; throws SQLite's error.
    private func step(_ handle: OpaquePointer) throws {
        var status = sqlite3_step(handle)
        while status == SQLITE_ROW { status = sqlite3_step(handle) }
        guard status == SQLITE_DONE else { throw failure(status) }
    }

    private func failure(_ status: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }

    private static func bind(optional text: String?, to handle: OpaquePointer, at index: Int32) {
        if let text { bind(text: text, to: handle, at: index) } else { sqlite3_bind_null(handle, index) }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(text: String, to handle: OpaquePointer, at index: Int32) {
        if text.isEmpty {
            sqlite3_bind_text(handle, index, "", 0, transient)
            return
        }
        withBytes(of: text) { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                _ = sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), transient)
            }
        }
    }

    func trimLines(of order: OrderID, keeping count: Int) throws {
        // A search by text id and a delete per order, a tenth of a fresh import, for orders that cannot have more.
        if insertedOrders.contains(order) { return }
        try run("DELETE FROM orderLine WHERE orderKey = ? AND position > ?", [try orderKey(order), count])
    }

    func removeOrder(_ id: OrderID) throws -> Bool {
        if lastOrder?.id == id { lastOrder = nil }
        insertedOrders.remove(id)
        // The lines explicitly: an import's transaction runs with foreign keys (and so their cascade) off.
        try run("DELETE FROM orderLine WHERE orderKey IN (SELECT key FROM shopOrder WHERE id = ?)", [id])
        try run("DELETE FROM shopOrder WHERE id = ?", [id])
        return db.changesCount > 0
    }

    func record(report: ImportReport) throws {
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        try run("INSERT INTO importLog (kind, report) VALUES (?, ?)", [report.kind, json])
    }
}
