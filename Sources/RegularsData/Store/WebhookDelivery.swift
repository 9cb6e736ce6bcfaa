import Foundation

/// One webhook a shop platform sent: stored as it arrived, answered at once, processed after.
///
/// Shopify waits five seconds for an answer and retries a delivery it thinks failed, up to eight times: storing
/// first and processing after keeps the answer fast, and the delivery's id makes a retry change nothing.
public struct WebhookDelivery: Sendable, Hashable {
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Stored, not yet processed (or failed fewer than `maximumAttempts` times).
        case pending
        case done
        /// Failed `maximumAttempts` times; kept with its error for the shop owner to look at.
        case parked
    }

    /// A delivery that failed this many times is parked.
    public static let maximumAttempts = 3
    /// Seconds before a failed delivery is tried again: long enough for a lock held by an import to go.
    public static let retryDelay: Int64 = 60

    /// The platform's delivery id (`X-Shopify-Webhook-Id`).
    public var id: String
    /// `orders/create`, `customers/redact` …
    public var topic: String
    /// Seconds since 1970.
    public var receivedAt: Int64
    /// The raw body; `nil` once processed (it may hold customers' details).
    public var payload: Data?
    public var state: State
    public var attempts: Int
    /// What processing did, in words without personal details (`order stored, 3 lines`).
    public var outcome: String?
    /// The last failure's message.
    public var error: String?

    public init(
        id: String, topic: String, receivedAt: Int64, payload: Data?, state: State = .pending, attempts: Int = 0,
        outcome: String? = nil, error: String? = nil
    ) {
        self.id = id
        self.topic = topic
        self.receivedAt = receivedAt
        self.payload = payload
        self.state = state
        self.attempts = attempts
        self.outcome = outcome
        self.error = error
    }
}
