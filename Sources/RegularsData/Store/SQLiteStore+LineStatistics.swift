import Foundation
import GRDB
import GRDBSQLite

extension SQLiteStore {
    /// The order-line figures of the data-quality report, from one scan of the line table in key order.
    ///
    /// Replaces three queries (distinct SKUs, lines without a catalog product, duplicate lines) that each
    /// sorted or searched a million lines: after a million-line import they took longer than the import.
    /// Texts compare by their bytes, as SQLite's `=` does.
    static func loadLineStatistics(_ db: Database, into stats: inout StoreStatistics) throws {
        var catalog: Set<ByteKey> = []
        for sku in try String.fetchAll(db, sql: "SELECT sku FROM product WHERE inCatalog = 1") {
            catalog.insert(ByteKey(sku))
        }
        let statement = try db.makeStatement(sql: "SELECT orderKey, sku, quantity, unitPrice FROM orderLine")
        let handle = statement.sqliteStatement
        // Each SKU once in a dictionary, then by its number: one text hash per line, not two.
        var skuNumbers: [ByteKey: Int] = [:]
        var linesPerSKU: [Int] = []
        var orderLines: Set<DuplicateKey> = []
        var currentOrder: Int64?
        var lines = 0
        var duplicates = 0
        while true {
            let status = sqlite3_step(handle)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: status),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            lines += 1
            let orderKey = sqlite3_column_int64(handle, 0)
            let sku = ByteKey(
                String(
                    decoding: UnsafeBufferPointer(
                        start: sqlite3_column_text(handle, 1), count: Int(sqlite3_column_bytes(handle, 1))),
                    as: UTF8.self))
            let number: Int
            if let known = skuNumbers[sku] {
                number = known
            } else {
                number = skuNumbers.count
                skuNumbers[sku] = number
                linesPerSKU.append(0)
            }
            linesPerSKU[number] += 1
            // Lines come in key order, so an order's lines are adjacent: duplicates are looked for per order.
            if orderKey != currentOrder {
                currentOrder = orderKey
                orderLines.removeAll(keepingCapacity: true)
            }
            let line = DuplicateKey(
                sku: number, quantity: sqlite3_column_int64(handle, 2), unitPrice: sqlite3_column_int64(handle, 3))
            if !orderLines.insert(line).inserted { duplicates += 1 }
        }
        stats.orderLines = lines
        stats.distinctSKUsInOrders = skuNumbers.count
        stats.linesWithoutProductRecord = skuNumbers.reduce(0) {
            catalog.contains($1.key) ? $0 : $0 + linesPerSKU[$1.value]
        }
        stats.duplicateLines = duplicates
    }
}

/// A text that hashes and compares by its UTF-8 bytes (Swift's `==` on strings is Unicode-aware; SQLite's is not).
private struct ByteKey: Hashable {
    let text: String
    init(_ text: String) { self.text = text }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        var (a, b) = (lhs.text, rhs.text)
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

private struct DuplicateKey: Hashable {
    let sku: Int
    let quantity: Int64
    let unitPrice: Int64
}
