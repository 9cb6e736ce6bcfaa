import Foundation
import GRDB

/// One thing a visitor did on the shop's site or in an e-mail, as the widget or the shop sends it.
///
/// Identified by the sender's `id` (`event_id`): storing the same id twice keeps the first.
public struct ShopEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case productView = "product_view"
        case addToCart = "add_to_cart"
        case purchase
        case recommendationImpression = "rec_impression"
        case recommendationClick = "rec_click"
        case emailClick = "email_click"

        /// Every kind's name, comma separated, for error messages.
        public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
    }

    public var id: String
    public var kind: Kind
    /// When it happened, whole seconds since 1970.
    public var at: Int64
    public var customerID: CustomerID?
    /// An anonymous first-party session id, when there is no customer.
    public var sessionID: String?
    public var sku: SKU?
    /// The `recommendation_id` of the recommendation shown or clicked.
    public var recommendationID: String?
    /// Where it came from: a placement, an e-mail campaign.
    public var source: String?
    /// The experiment and arm of the recommendation shown or clicked, as the response carried them.
    public var experiment: String?
    public var arm: String?

    public init(
        id: String, kind: Kind, at: Int64, customerID: CustomerID? = nil, sessionID: String? = nil, sku: SKU? = nil,
        recommendationID: String? = nil, source: String? = nil, experiment: String? = nil, arm: String? = nil
    ) {
        self.experiment = experiment
        self.arm = arm
        self.id = id
        self.kind = kind
        self.at = at
        self.customerID = customerID
        self.sessionID = sessionID
        self.sku = sku
        self.recommendationID = recommendationID
        self.source = source
    }
}

extension SQLiteStore {
    public func record(events: [ShopEvent], receivedAt: Date, scope: String) throws -> Int {
        let receivedAt = Int64(receivedAt.timeIntervalSince1970)
        return try writer.write { db in
            let suppressions = SQLiteStoreWriter(db: db)
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO event (scope, eventId, type, at, customerId, sessionId, sku, recommendationId, \
                    source, experiment, arm, receivedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(scope, eventId) DO NOTHING
                    """)
            var added = 0
            for event in events {
                // An erased customer's events are dropped: the browser that sends them cannot know. They count as
                // taken, so that the answer does not tell a caller who was erased.
                if let customer = event.customerID, try suppressions.isSuppressed(customerID: customer, email: nil) {
                    added += 1
                    continue
                }
                try insert.execute(arguments: [
                    scope, event.id, event.kind.rawValue, event.at, event.customerID, event.sessionID, event.sku,
                    event.recommendationID, event.source, event.experiment, event.arm, receivedAt,
                ])
                added += db.changesCount
            }
            return added
        }
    }

    public func events(ofCustomer id: CustomerID) throws -> [ShopEvent] {
        try writer.read { db in try Self.events(db, where: "customerId = ?", arguments: [id]) }
    }

    /// The events matching `condition`, oldest first (ties by id, so the order is the same on every read).
    static func events(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [ShopEvent] {
        try GRDB.Row.fetchAll(
            db,
            sql: """
                SELECT CASE scope WHEN '' THEN eventId ELSE scope || '/' || eventId END AS eventId, type, at,
                    customerId, sessionId, sku, recommendationId, source, experiment, arm
                FROM event WHERE \(condition) ORDER BY at, scope, eventId
                """, arguments: arguments
        ).compactMap { row in
            guard let kind = ShopEvent.Kind(rawValue: row["type"]) else { return nil }
            return ShopEvent(
                id: row["eventId"], kind: kind, at: row["at"], customerID: row["customerId"],
                sessionID: row["sessionId"], sku: row["sku"], recommendationID: row["recommendationId"],
                source: row["source"], experiment: row["experiment"], arm: row["arm"])
        }
    }

    public func eventCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0 }
    }

    public func productHandles() throws -> [SKU: String] {
        try writer.read { db in
            var handles: [SKU: String] = [:]
            let rows = try GRDB.Row.fetchCursor(db, sql: "SELECT sku, handle FROM product WHERE handle IS NOT NULL")
            while let row = try rows.next() { handles[row["sku"]] = row["handle"] }
            return handles
        }
    }
}
