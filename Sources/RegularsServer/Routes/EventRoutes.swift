import Foundation
import RegularsData

/// `POST /v1/events`: a batch of up to 500 events, stored all or nothing, idempotent by `event_id`.
struct EventRoutes: Sendable {
    static let maximumBatch = 500
    let services: AppServices

    /// The body, as openapi.yaml's `EventBatch` (this type stands in for the generated one, see
    /// openapi-generator-config.yaml); decoding errors name the item and field, such as `events[3].at`.
    struct Batch: Codable, Hashable, Sendable {
        var events: [Payload]
    }

    /// One event as sent; checked field by field so that every bad item is reported at once.
    struct Payload: Codable, Hashable, Sendable {
        var eventID: String
        var type: String
        var at: String
        var customerID: String?
        var sessionID: String?
        var sku: String?
        var recommendationID: String?
        var source: String?
        var experiment: String?
        var arm: String?
        /// The `rg` of an e-mail link: names the send, so an `email_click` is its recipient's.
        var recipientToken: String?

        enum CodingKeys: String, CodingKey {
            case type, at, sku, source, experiment, arm
            case recipientToken = "recipient_token"
            case eventID = "event_id"
            case customerID = "customer_id"
            case sessionID = "session_id"
            case recommendationID = "recommendation_id"
        }
    }

    /// Stores the batch and says how many events were taken: the rest were stored before under this key (a
    /// retry). Events of erased customers are taken and dropped, so the answer does not tell who was erased.
    func record(_ batch: Batch) throws -> Components.Schemas.EventReceipt {
        guard !batch.events.isEmpty else { throw APIError.badRequest("no events; expected 1 to 500", field: "events") }
        guard batch.events.count <= Self.maximumBatch else {
            throw APIError.badRequest(
                "\(batch.events.count) events in one batch; send at most \(Self.maximumBatch) per request",
                field: "events")
        }
        var events: [(event: ShopEvent, token: String?)] = []
        var errors: [APIError.ItemError] = []
        // A public key sits in every storefront page: what it sends cannot change revenue figures, and only
        // as it happens (a widget reports at once; a replay of old or future-dated events is someone else).
        let publicKey = PresentedKey.current?.scope != .secret
        let now = Int64(services.now().timeIntervalSince1970)
        for (index, payload) in batch.events.enumerated() {
            switch Self.check(payload, publicKey: publicKey, now: now) {
            case .success(let event): events.append((event, payload.recipientToken))
            case .failure(let error): errors.append(.init(index: index, field: error.field, message: error.message))
            }
        }
        guard errors.isEmpty else {
            throw APIError(
                .badRequest,
                "\(errors.count) of \(batch.events.count) events are invalid; nothing was stored",
                field: "events[\(errors[0].index)].\(errors[0].field)", items: Array(errors.prefix(100)))
        }
        let stored = try services.store.record(
            events: try events.map(resolvingRecipient), receivedAt: services.now(),
            scope: PresentedKey.current?.name ?? "")
        services.metrics.eventsIngested.increment(by: Int64(stored))
        services.metrics.eventsDuplicate.increment(by: Int64(events.count - stored))
        return .init(received: events.count, stored: stored)
    }

    /// An event that came with an e-mail link's recipient token is its recipient's, from that campaign; a token
    /// the store does not know (forged, or its send erased) is dropped, and the event keeps only its session.
    func resolvingRecipient(_ item: (event: ShopEvent, token: String?)) throws -> ShopEvent {
        var event = item.event
        guard let token = item.token, let send = try services.store.emailSend(token: token) else { return event }
        event.customerID = send.customerID
        event.source = event.source ?? send.campaign
        return event
    }

    struct FieldError: Error {
        var field: String
        var message: String
    }

    /// The window of a public key's events around the server's clock.
    static let publicPast: Int64 = 7 * 86_400
    static let publicFuture: Int64 = 3_600

    static func check(_ payload: Payload, publicKey: Bool = false, now: Int64 = 0) -> Result<ShopEvent, FieldError> {
        func fail(_ field: String, _ message: String) -> Result<ShopEvent, FieldError> {
            .failure(FieldError(field: field, message: message))
        }
        for (field, value) in [
            ("event_id", payload.eventID), ("customer_id", payload.customerID), ("session_id", payload.sessionID),
            ("sku", payload.sku), ("recommendation_id", payload.recommendationID), ("source", payload.source),
            ("experiment", payload.experiment), ("arm", payload.arm), ("recipient_token", payload.recipientToken),
        ] {
            if let problem = TextLimits.problem(value) { return fail(field, problem) }
        }
        guard let kind = ShopEvent.Kind(rawValue: payload.type) else {
            return fail("type", "unknown type '\(payload.type.prefix(40))'; expected one of \(ShopEvent.Kind.names)")
        }
        guard let at = Timestamp.parse(payload.at) else {
            return fail("at", "cannot read date \"\(payload.at.prefix(40))\"; expected \(Timestamp.expected)")
        }
        if publicKey, kind == .purchase {
            return fail(
                "type", "purchase events need the secret key; send orders from your backend with POST /v1/orders")
        }
        if publicKey, at < now - publicPast || at > now + publicFuture {
            return fail("at", "more than 7 days before or an hour after the server's clock; send events as they happen")
        }
        guard payload.customerID != nil || payload.sessionID != nil || payload.recipientToken != nil else {
            return fail("customer_id", "expected customer_id, session_id or recipient_token")
        }
        if payload.sku == nil, [.productView, .addToCart, .recommendationClick].contains(kind) {
            return fail("sku", "\(kind.rawValue) events need the sku")
        }
        if payload.recommendationID == nil, [.recommendationImpression, .recommendationClick].contains(kind) {
            return fail("recommendation_id", "\(kind.rawValue) events need the recommendation_id")
        }
        return .success(
            ShopEvent(
                id: payload.eventID, kind: kind, at: at, customerID: payload.customerID,
                sessionID: payload.sessionID, sku: payload.sku, recommendationID: payload.recommendationID,
                source: payload.source, experiment: payload.experiment, arm: payload.arm))
    }

    /// A decoding error inside `events[i]` becomes a per-item error too, so clients read one format.
    static func itemError(_ error: APIError) -> APIError {
        guard let field = error.field, field.hasPrefix("events["), let close = field.firstIndex(of: "]"),
            let index = Int(field[field.index(field.startIndex, offsetBy: 7)..<close])
        else { return error }
        var rest = String(field[field.index(after: close)...])
        if rest.hasPrefix(".") { rest.removeFirst() }
        var copy = error
        copy.items = [.init(index: index, field: rest.isEmpty ? "events[\(index)]" : rest, message: error.message)]
        copy.message = "event \(index): \(error.message); nothing was stored"
        return copy
    }
}
