import Foundation
import GRDB

extension SQLiteStore {
    public func forget(customer id: String, at now: Date) throws -> ErasureReport {
        let report = try writer.write { db in
            // Overwrite deleted rows with zeros, so the erased customer is not left in free pages of the file.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            let suppression = try Self.suppression(db)
            // The caller may name the customer by id or by e-mail.
            let row = try GRDB.Row.fetchOne(
                db, sql: "SELECT id, email FROM customer WHERE id = ? OR lower(email) = lower(?) LIMIT 1",
                arguments: [id, id])
            let customerID: String = row?["id"] ?? id
            let email: String? = row?["email"] ?? (id.contains("@") ? id : nil)
            let orders =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM shopOrder WHERE customerId = ?", arguments: [customerID]) ?? 0
            let lines =
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT count(*) FROM orderLine WHERE orderKey IN "
                        + "(SELECT key FROM shopOrder WHERE customerId = ?)",
                    arguments: [customerID]) ?? 0
            let events = try Self.deleteEvents(db, customer: id)
            // Experiment exposures and e-mail sends name the customer too.
            try db.execute(sql: "DELETE FROM exposure WHERE unit = ?", arguments: [customerID])
            try db.execute(sql: "DELETE FROM emailSend WHERE customerId = ?", arguments: [customerID])
            try db.execute(sql: "DELETE FROM customer WHERE id = ?", arguments: [customerID])
            var added = 0
            for hash in suppression.hashes(customerID: customerID, email: email)
                + (email.map { [suppression.hash("id", StableID.customer(email: $0))] } ?? [])
            {
                try db.execute(
                    sql: "INSERT INTO suppression (hash, erasedAt) VALUES (?, ?) ON CONFLICT(hash) DO NOTHING",
                    arguments: [hash, Int64(now.timeIntervalSince1970)])
                added += db.changesCount
            }
            return ErasureReport(
                customerID: row == nil ? nil : customerID, customerFound: row != nil, ordersRemoved: orders,
                linesRemoved: lines, eventsRemoved: events,
                suppressionHashesAdded: added)
        }
        // The write-ahead log still holds the old pages until a checkpoint copies them back and truncates it.
        // Truncating waits for readers (up to the busy timeout); when one holds on longer, a passive checkpoint
        // still copies what it can, and SQLite's next automatic checkpoint overwrites the rest: the erasure
        // itself is committed either way.
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = OFF")
            do {
                _ = try db.checkpoint(.truncate)
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
            {
                _ = try? db.checkpoint(.passive)
            }
        }
        return report
    }

    public func optOut(customer id: String) throws -> CustomerID? {
        try writer.write { db in
            guard
                let customerID = try String.fetchOne(
                    db, sql: "SELECT id FROM customer WHERE id = ? OR lower(email) = lower(?) LIMIT 1",
                    arguments: [id, id])
            else { return nil }
            try db.execute(sql: "UPDATE customer SET optedOut = 1 WHERE id = ?", arguments: [customerID])
            return customerID
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

    static func suppression(_ db: Database) throws -> Suppression {
        guard let salt = try String.fetchOne(db, sql: "SELECT value FROM storeSetting WHERE name = 'suppressionSalt'")
        else {
            throw StoreError(code: .corrupt, message: "the store has no suppression salt; was it created by Regulars?")
        }
        return Suppression(salt: salt)
    }
}
