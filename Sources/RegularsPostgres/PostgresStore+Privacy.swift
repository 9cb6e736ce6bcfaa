import Foundation
import PostgresNIO
import RegularsData

extension PostgresStore {
    public func forget(customer id: String, at now: Date) throws -> ErasureReport {
        let report = try transaction { session in
            let suppression = try Self.suppression(session)
            // By id or by e-mail, as in SQLiteStore: an e-mail names every record that has it.
            let found = try session.query(
                "SELECT id, email FROM customer WHERE id = $1 OR lower(email) = lower($1) ORDER BY id", [id]
            ).rows.map { try $0.decode((String, String?).self) }
            let ids = found.isEmpty ? [id] : found.map(\.0)
            let emails = Suppression.erasedEmails(requested: id, found: found.map(\.1))
            var orders = 0
            var lines = 0
            var events = 0
            for customerID in ids {
                orders += Int(
                    try session.value(Int64.self, "SELECT count(*) FROM shopOrder WHERE customerId = $1", [customerID])
                        ?? 0)
                lines += Int(
                    try session.value(
                        Int64.self,
                        "SELECT count(*) FROM orderLine JOIN shopOrder ON key = orderKey WHERE customerId = $1",
                        [customerID]) ?? 0)
                events += try session.execute("DELETE FROM event WHERE customerId = $1", [customerID])
                try session.execute("DELETE FROM exposure WHERE unit = $1", [customerID])
                try session.execute("DELETE FROM emailSend WHERE customerId = $1", [customerID])
                try session.execute("DELETE FROM statedPreference WHERE customerId = $1", [customerID])
                // Orders and lines go by the cascade.
                try session.execute("DELETE FROM customer WHERE id = $1", [customerID])
            }
            if !ids.contains(id) { events += try session.execute("DELETE FROM event WHERE customerId = $1", [id]) }
            try Self.dropDeliveries(naming: emails, session)
            var added = 0
            for hash in suppression.erasureHashes(ids: ids, emails: emails) {
                added += try session.execute(
                    "INSERT INTO suppression (hash, erasedAt) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING",
                    [hash, Int64(now.timeIntervalSince1970)])
            }
            return ErasureReport(
                customerFound: !found.isEmpty, customerIDs: found.map(\.0), ordersRemoved: orders,
                linesRemoved: lines, eventsRemoved: events, suppressionHashesAdded: added)
        }
        try vacuumErased()
        return report
    }

    /// PostgreSQL keeps a deleted row's bytes in its page until the space is reused; `VACUUM` marks that space free
    /// for the next writes at once, instead of at autovacuum's next pass. It cannot overwrite the bytes as
    /// SQLite's `secure_delete` does, nor reach the write-ahead log's copies before the server recycles the segment:
    /// ARCHITECTURE.md says so. Outside a transaction, as `VACUUM` must be.
    func vacuumErased() throws {
        try readPrimary { session in
            try session.execute(
                "VACUUM customer, shopOrder, orderLine, event, exposure, emailSend, statedPreference, webhookDelivery")
        }
    }

    public func optOut(customer id: String) throws -> CustomerID? {
        try transaction { session in
            try session.query(
                "UPDATE customer SET optedOut = true WHERE id = $1 OR lower(email) = lower($1) RETURNING id", [id]
            ).rows.map { try $0.decode(String.self) }.min()
        }
    }

    public func personalIdentifiers(of id: String) throws -> PersonalIdentifiers {
        let rows = try read { session in
            try session.query(
                "SELECT id, email, firstName FROM customer WHERE id = $1 OR lower(email) = lower($1)", [id]
            ).rows.map { try $0.decode((String, String?, String?).self) }
        }
        return PersonalIdentifiers(
            requested: id, records: rows.map { (id: $0.0, email: $0.1, firstName: $0.2) })
    }

    public func optedOutCustomers() throws -> Set<CustomerID> {
        Set(try strings("SELECT id FROM customer WHERE optedOut"))
    }

    public func markSensitive(category: String) throws -> Int {
        try transaction { try $0.execute("UPDATE product SET sensitive = true WHERE category = $1", [category]) }
    }

    public func record(writtenFile: WrittenFile) throws {
        _ = try transaction { session in
            try session.execute(
                """
                INSERT INTO writtenFile (path, kind) VALUES ($1, $2)
                ON CONFLICT (path) DO UPDATE SET kind = excluded.kind
                """,
                [writtenFile.path, writtenFile.kind.rawValue])
        }
    }

    public func writtenFiles() throws -> [WrittenFile] {
        try read { session in
            try session.query("SELECT path, kind FROM writtenFile ORDER BY seq").rows.compactMap { row in
                let (path, kind) = try row.decode((String, String).self)
                return WrittenFile.Kind(rawValue: kind).map { WrittenFile(path: path, kind: $0) }
            }
        }
    }

    public func suppressionCount() throws -> Int {
        Int(try read { try $0.value(Int64.self, "SELECT count(*) FROM suppression") } ?? 0)
    }

    public func erasedCustomers(among ids: [CustomerID]) throws -> Set<CustomerID> {
        let list = try read { try Self.suppressionList($0) }
        return Set(ids.filter { list.contains(customerID: $0, email: nil) })
    }

    static func suppressionList(_ session: PostgresSession) throws -> SuppressionList {
        let hashes = Set(try session.query("SELECT hash FROM suppression").rows.map { try $0.decode(String.self) })
        return hashes.isEmpty ? .empty : SuppressionList(suppression: try suppression(session), hashes: hashes)
    }

    static func suppression(_ session: PostgresSession) throws -> Suppression {
        guard let salt = try session.value(String.self, "SELECT value FROM storeSetting WHERE name = 'suppressionSalt'")
        else {
            throw StoreError(code: .corrupt, message: "the store has no suppression salt; was it created by Regulars?")
        }
        return Suppression(secret: salt)
    }

    /// The first column of every row of `sql`.
    func strings(_ sql: String, _ values: [any SQLValue] = []) throws -> [String] {
        try read { session in try session.query(sql, values).rows.map { try $0.decode(String.self) } }
    }
}

extension PostgresStore {
    /// The shop's tables holding a row whose text (every column, `bytea` as its bytes) contains `text`, without
    /// case: for checking that an erasure left nothing, as the SQLite tests read the file's bytes.
    public func tablesMentioning(_ text: String) throws -> [String] {
        try readPrimary { session in
            let tables = try session.query(
                "SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", [location.schema]
            ).rows.map { try $0.decode(String.self) }
            return try tables.filter { table in
                // A table's name comes from the catalogue of the shop's own schema; quoted as an identifier.
                let found = try session.value(
                    Bool.self,
                    """
                    SELECT EXISTS (SELECT 1 FROM "\(table)" t
                        WHERE strpos(lower(encode(convert_to(t::text, 'UTF8'), 'escape')), lower($1)) > 0)
                    """, [text])
                return found ?? false
            }
        }
    }
}
