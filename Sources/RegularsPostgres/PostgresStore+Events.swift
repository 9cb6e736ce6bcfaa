import Foundation
import PostgresNIO
import RegularsData

extension PostgresStore {
    public func record(events: [ShopEvent], receivedAt: Date, scope: String) throws -> Int {
        let receivedAt = Int64(receivedAt.timeIntervalSince1970)
        return try transaction { session in
            let suppressions = try Self.suppressionList(session)
            var added = 0
            for event in events {
                // Dropped and counted as taken, as in SQLiteStore: the answer must not tell who was erased.
                if let customer = event.customerID, suppressions.contains(customerID: customer, email: nil) {
                    added += 1
                    continue
                }
                added += try session.execute(
                    """
                    INSERT INTO event (scope, eventId, type, at, customerId, sessionId, sku, recommendationId,
                        source, experiment, arm, receivedAt)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (scope, eventId) DO NOTHING
                    """,
                    [
                        scope, event.id, event.kind.rawValue, event.at, event.customerID, event.sessionID, event.sku,
                        event.recommendationID, event.source, event.experiment, event.arm, receivedAt,
                    ])
            }
            return added
        }
    }

    public func events(ofCustomer id: CustomerID) throws -> [ShopEvent] {
        try events(where: "customerId = $1", [id])
    }

    public func eventCount() throws -> Int {
        Int(try read { try $0.value(Int64.self, "SELECT count(*) FROM event") } ?? 0)
    }

    public func events(from start: Int64, to end: Int64, kinds: Set<ShopEvent.Kind>) throws -> [ShopEvent] {
        try events(where: "at >= $1 AND at < $2 AND type = ANY($3)", [start, end, kinds.map(\.rawValue).sorted()])
    }

    /// The events matching `condition`, oldest first, ties by scope and id as SQLite orders them.
    private func events(where condition: String, _ values: [any SQLValue]) throws -> [ShopEvent] {
        try read { session in
            try session.query(
                """
                SELECT CASE scope WHEN '' THEN eventId ELSE scope || '/' || eventId END, type, at,
                    customerId, sessionId, sku, recommendationId, source, experiment, arm
                FROM event WHERE \(condition) ORDER BY at, scope, eventId
                """, values
            ).rows.compactMap { row in
                let (id, type, at, customer, session, sku, recommendation, source, experiment, arm) = try row.decode(
                    (String, String, Int64, String?, String?, String?, String?, String?, String?, String?).self)
                guard let kind = ShopEvent.Kind(rawValue: type) else { return nil }
                return ShopEvent(
                    id: id, kind: kind, at: at, customerID: customer, sessionID: session, sku: sku,
                    recommendationID: recommendation, source: source, experiment: experiment, arm: arm)
            }
        }
    }
}
