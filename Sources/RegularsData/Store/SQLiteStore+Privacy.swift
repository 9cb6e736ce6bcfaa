import Foundation
import GRDB

extension SQLiteStore {
    public func forget(customer id: String, at now: Date) throws -> ErasureReport {
        let report = try writer.write { db in
            // Overwrite deleted rows with zeros, so the erased customer is not left in free pages of the file.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            let suppression = try Self.suppression(db)
            // The caller may name the customer by id or by e-mail; an e-mail names every record that has it (an
            // export may hold one person under two ids), and each of those records' own e-mail is erased too.
            let rows = try GRDB.Row.fetchAll(
                db, sql: "SELECT id, email FROM customer WHERE id = ? OR lower(email) = lower(?) ORDER BY id",
                arguments: [id, id])
            let found: [(id: CustomerID, email: String?)] = rows.map { ($0["id"], $0["email"]) }
            let ids = found.isEmpty ? [id] : found.map(\.id)
            let emails = Suppression.erasedEmails(requested: id, found: found.map(\.email))
            var orders = 0
            var lines = 0
            var events = 0
            for customerID in ids {
                orders +=
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM shopOrder WHERE customerId = ?", arguments: [customerID]) ?? 0
                lines +=
                    try Int.fetchOne(
                        db,
                        sql: "SELECT count(*) FROM orderLine WHERE orderKey IN "
                            + "(SELECT key FROM shopOrder WHERE customerId = ?)",
                        arguments: [customerID]) ?? 0
                try db.execute(sql: "DELETE FROM event WHERE customerId = ?", arguments: [customerID])
                events += db.changesCount
                // Experiment exposures and e-mail sends name the customer too.
                try db.execute(sql: "DELETE FROM exposure WHERE unit = ?", arguments: [customerID])
                try db.execute(sql: "DELETE FROM emailSend WHERE customerId = ?", arguments: [customerID])
                try db.execute(sql: "DELETE FROM statedPreference WHERE customerId = ?", arguments: [customerID])
                try db.execute(sql: "DELETE FROM customer WHERE id = ?", arguments: [customerID])
            }
            // Events sent under the name the caller used (an e-mail given as a customer id by a storefront).
            if !ids.contains(id) {
                try db.execute(sql: "DELETE FROM event WHERE customerId = ?", arguments: [id])
                events += db.changesCount
            }
            try Self.dropDeliveries(naming: emails, db)
            var added = 0
            for hash in suppression.erasureHashes(ids: ids, emails: emails) {
                try db.execute(
                    sql: "INSERT INTO suppression (hash, erasedAt) VALUES (?, ?) ON CONFLICT(hash) DO NOTHING",
                    arguments: [hash, Int64(now.timeIntervalSince1970)])
                added += db.changesCount
            }
            return ErasureReport(
                customerFound: !found.isEmpty, customerIDs: found.map(\.id),
                ordersRemoved: orders, linesRemoved: lines, eventsRemoved: events, suppressionHashesAdded: added)
        }
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA secure_delete = OFF") }
        try truncateLog()
        return report
    }

    /// The write-ahead log still holds the old pages until a checkpoint copies them back and truncates it.
    /// Truncating waits for readers (up to the busy timeout); when one holds on longer, a passive checkpoint
    /// still copies what it can, and SQLite's next automatic checkpoint overwrites the rest: the erasure
    /// itself is committed either way.
    func truncateLog() throws {
        try writer.writeWithoutTransaction { db in
            do {
                _ = try db.checkpoint(.truncate)
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
            {
                _ = try? db.checkpoint(.passive)
            }
        }
    }

    public func optOut(customer id: String) throws -> CustomerID? {
        try writer.write { db in
            // An e-mail names every record that has it, as in `forget`.
            let ids = try String.fetchAll(
                db, sql: "SELECT id FROM customer WHERE id = ? OR lower(email) = lower(?) ORDER BY id",
                arguments: [id, id])
            try db.execute(
                sql: "UPDATE customer SET optedOut = 1 WHERE id = ? OR lower(email) = lower(?)", arguments: [id, id])
            return ids.first
        }
    }

    public func personalIdentifiers(of id: String) throws -> PersonalIdentifiers {
        try writer.read { db in
            let rows = try GRDB.Row.fetchAll(
                db, sql: "SELECT id, email, firstName FROM customer WHERE id = ? OR lower(email) = lower(?)",
                arguments: [id, id])
            return PersonalIdentifiers(
                requested: id, records: rows.map { (id: $0["id"], email: $0["email"], firstName: $0["firstName"]) })
        }
    }

    public func optedOutCustomers() throws -> Set<CustomerID> {
        try writer.read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM customer WHERE optedOut = 1")) }
    }

    public func markSensitive(category: String) throws -> Int {
        try writer.write { db in
            try db.execute(sql: "UPDATE product SET sensitive = 1 WHERE category = ?", arguments: [category])
            return db.changesCount
        }
    }

    /// Every hash on the suppression list, with the key that computes them.
    static func suppressionList(_ db: Database) throws -> SuppressionList {
        let hashes = try Set(String.fetchAll(db, sql: "SELECT hash FROM suppression"))
        return hashes.isEmpty ? .empty : SuppressionList(suppression: try suppression(db), hashes: hashes)
    }

    static func suppression(_ db: Database) throws -> Suppression {
        guard let salt = try String.fetchOne(db, sql: "SELECT value FROM storeSetting WHERE name = 'suppressionSalt'")
        else {
            throw StoreError(code: .corrupt, message: "the store has no suppression salt; was it created by Regulars?")
        }
        return Suppression(secret: salt)
    }
}

extension SQLiteStore {
    public func record(writtenFile: WrittenFile) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO writtenFile (path, kind) VALUES (?, ?)
                    ON CONFLICT(path) DO UPDATE SET kind = excluded.kind
                    """, arguments: [writtenFile.path, writtenFile.kind.rawValue])
        }
    }

    public func writtenFiles() throws -> [WrittenFile] {
        try writer.read { db in
            try GRDB.Row.fetchAll(db, sql: "SELECT path, kind FROM writtenFile ORDER BY rowid")
                .compactMap { row in
                    WrittenFile.Kind(rawValue: row["kind"]).map { WrittenFile(path: row["path"], kind: $0) }
                }
        }
    }
}

extension SQLiteStore {
    public func suppressionCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM suppression") ?? 0 }
    }

    public func erasedCustomers(among ids: [CustomerID]) throws -> Set<CustomerID> {
        // The list is read once and asked in memory (a store that erased nobody computes no hash at all): a server
        // asks this for every customer it serves when it loads models.
        let list = try writer.read { db in try Self.suppressionList(db) }
        return Set(ids.filter { list.contains(customerID: $0, email: nil) })
    }
}
