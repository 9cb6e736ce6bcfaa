import RegularsData

extension ShopEvent.Kind {
    /// A click earns an order line; an impression only with view-through on; views, cart adds and purchase events
    /// never do (they are the shopper's own browsing, not something the engine showed them).
    public var isClick: Bool { self == .recommendationClick || self == .emailClick }
}

extension ShopEvent.Kind {
    /// The kinds attribution, experiments and reports read: what was shown and clicked, and the browsing that
    /// links a session to a customer (purchase events are not revenue: orders are).
    public static let measured: Set<ShopEvent.Kind> = [
        .recommendationImpression, .recommendationClick, .emailClick, .productView, .addToCart,
    ]
}

extension ShopEvent {
    /// `events` without repeated ids, the first occurrence kept and the order otherwise unchanged: a widget that
    /// retries a send must not count a click twice (the store keeps the first too).
    public static func unique(_ events: [ShopEvent]) -> [ShopEvent] {
        var seen = Set<String>(minimumCapacity: events.count)
        guard events.contains(where: { !seen.insert($0.id).inserted }) else { return events }
        seen.removeAll(keepingCapacity: true)
        return events.filter { seen.insert($0.id).inserted }
    }
}
