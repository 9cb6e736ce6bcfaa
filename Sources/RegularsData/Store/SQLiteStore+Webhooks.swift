import Foundation
import GRDB

extension SQLiteStore {
    public func record(delivery: WebhookDelivery) throws -> Bool {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO webhookDelivery (id, topic, receivedAt, payload, state, attempts)
                    VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT(id) DO NOTHING
                    """,
                arguments: [
                    delivery.id, delivery.topic, delivery.receivedAt, delivery.payload, delivery.state.rawValue,
                ])
            return db.changesCount > 0
        }
    }

    public func pendingDeliveries(dueAt time: Int64, limit: Int) throws -> [WebhookDelivery] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM webhookDelivery WHERE state = 'pending' AND retryAt <= ?
                    ORDER BY receivedAt, rowid LIMIT ?
                    """,
                arguments: [time, limit]
            ).map(Self.delivery)
        }
    }

    public func finish(delivery id: String, at time: Int64, outcome: String?, error: String?, namedErased: Bool) throws
    {
        try writer.write { db in
            // The body's bytes are overwritten where they were, not only unlinked: a freed page keeps its content.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            if let error {
                try db.execute(
                    sql: """
                        UPDATE webhookDelivery SET attempts = attempts + 1, error = ?, retryAt = ?,
                            state = CASE WHEN attempts + 1 >= ? THEN 'parked' ELSE 'pending' END
                        WHERE id = ? AND state = 'pending'
                        """, arguments: [error, time + WebhookDelivery.retryDelay, WebhookDelivery.maximumAttempts, id])
            } else {
                try db.execute(
                    sql: """
                        UPDATE webhookDelivery SET state = 'done', payload = NULL, outcome = ?, error = NULL,
                            attempts = attempts + 1
                        WHERE id = ?
                        """, arguments: [outcome, id])
            }
        }
        if namedErased { try truncateLog() }
    }

    public func deliveries(limit: Int) throws -> [WebhookDelivery] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, topic, receivedAt, NULL AS payload, state, attempts, outcome, error FROM webhookDelivery
                    ORDER BY receivedAt DESC, rowid DESC LIMIT ?
                    """, arguments: [limit]
            ).map(Self.delivery)
        }
    }

    public func deliveryCounts() throws -> [WebhookDelivery.State: Int] {
        try writer.read { db in
            var counts = Dictionary(uniqueKeysWithValues: WebhookDelivery.State.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM webhookDelivery GROUP BY state") {
                if let state = WebhookDelivery.State(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    private static func delivery(_ row: Row) -> WebhookDelivery {
        WebhookDelivery(
            id: row["id"], topic: row["topic"], receivedAt: row["receivedAt"], payload: row["payload"],
            state: WebhookDelivery.State(rawValue: row["state"]) ?? .parked, attempts: row["attempts"],
            outcome: row["outcome"], error: row["error"])
    }

    /// Erasure's part: a delivery not yet processed (or parked) whose body names one of `emails` loses its body.
    /// Processing it after the erasure would only be refused (the customer is suppressed), but the body itself
    /// holds their details.
    static func dropDeliveries(naming emails: Set<String>, _ db: Database) throws {
        for email in emails.sorted() {
            try db.execute(
                sql: """
                    UPDATE webhookDelivery SET payload = NULL, state = 'done',
                        outcome = 'dropped: it named a customer who was erased'
                    WHERE payload IS NOT NULL AND instr(lower(CAST(payload AS TEXT)), ?) > 0
                    """, arguments: [email.lowercased()])
        }
    }
}
