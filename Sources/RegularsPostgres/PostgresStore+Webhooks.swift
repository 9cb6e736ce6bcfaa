import Foundation
import PostgresNIO
import RegularsData

extension PostgresStore {
    private static let deliveryColumns = "id, topic, receivedAt, payload, state, attempts, outcome, error"

    public func record(delivery: WebhookDelivery) throws -> Bool {
        try transaction { session in
            try session.execute(
                """
                INSERT INTO webhookDelivery (id, topic, receivedAt, payload, state, attempts)
                VALUES ($1, $2, $3, $4, $5, 0) ON CONFLICT (id) DO NOTHING
                """,
                [delivery.id, delivery.topic, delivery.receivedAt, delivery.payload, delivery.state.rawValue])
        } > 0
    }

    /// On the primary: a delivery a replica still shows pending may have been processed a moment ago.
    public func pendingDeliveries(dueAt time: Int64, limit: Int) throws -> [WebhookDelivery] {
        try readPrimary { session in
            try session.query(
                """
                SELECT \(Self.deliveryColumns) FROM webhookDelivery WHERE state = 'pending' AND retryAt <= $1
                ORDER BY receivedAt, seq LIMIT $2
                """, [time, limit]
            ).rows.map(Self.delivery)
        }
    }

    public func finish(delivery id: String, at time: Int64, outcome: String?, error: String?, namedErased: Bool) throws
    {
        try transaction { session in
            if let error {
                try session.execute(
                    """
                    UPDATE webhookDelivery SET attempts = attempts + 1, error = $1, retryAt = $2,
                        state = CASE WHEN attempts + 1 >= $3 THEN 'parked' ELSE 'pending' END
                    WHERE id = $4 AND state = 'pending'
                    """, [error, time + WebhookDelivery.retryDelay, WebhookDelivery.maximumAttempts, id])
            } else {
                try session.execute(
                    """
                    UPDATE webhookDelivery SET state = 'done', payload = NULL, outcome = $1, error = NULL,
                        attempts = attempts + 1
                    WHERE id = $2
                    """, [outcome, id])
            }
        }
        if namedErased { try vacuumErased() }
    }

    public func deliveries(limit: Int) throws -> [WebhookDelivery] {
        try read { session in
            try session.query(
                """
                SELECT id, topic, receivedAt, NULL::bytea, state, attempts, outcome, error FROM webhookDelivery
                ORDER BY receivedAt DESC, seq DESC LIMIT $1
                """, [limit]
            ).rows.map(Self.delivery)
        }
    }

    public func deliveryCounts() throws -> [WebhookDelivery.State: Int] {
        try read { session in
            var counts = Dictionary(uniqueKeysWithValues: WebhookDelivery.State.allCases.map { ($0, 0) })
            for row in try session.query("SELECT state, count(*) FROM webhookDelivery GROUP BY state").rows {
                let (state, n) = try row.decode((String, Int64).self)
                if let state = WebhookDelivery.State(rawValue: state) { counts[state] = Int(n) }
            }
            return counts
        }
    }

    private static func delivery(_ row: PostgresRow) throws -> WebhookDelivery {
        let (id, topic, received, payload, state, attempts, outcome, error) = try row.decode(
            (String, String, Int64, ByteBuffer?, String, Int64, String?, String?).self)
        return WebhookDelivery(
            id: id, topic: topic, receivedAt: received, payload: payload.map { Data($0.readableBytesView) },
            state: WebhookDelivery.State(rawValue: state) ?? .parked, attempts: Int(attempts), outcome: outcome,
            error: error)
    }

    /// Erasure's part, as in SQLiteStore: a waiting delivery whose body names one of `emails` loses its body. The
    /// bodies are searched here rather than in SQL: one that is not valid UTF-8 would make `convert_from` fail the
    /// whole erasure, and the waiting ones are few.
    static func dropDeliveries(naming emails: Set<String>, _ session: PostgresSession) throws {
        guard !emails.isEmpty else { return }
        for row in try session.query("SELECT id, payload FROM webhookDelivery WHERE payload IS NOT NULL").rows {
            let (id, payload) = try row.decode((String, ByteBuffer).self)
            let body = String(decoding: payload.readableBytesView, as: UTF8.self).lowercased()
            guard emails.contains(where: { body.contains($0) }) else { continue }
            try session.execute(
                """
                UPDATE webhookDelivery SET payload = NULL, state = 'done',
                    outcome = 'dropped: it named a customer who was erased'
                WHERE id = $1
                """, [id])
        }
    }
}
