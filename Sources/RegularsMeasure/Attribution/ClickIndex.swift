import Foundation
import RegularsData

/// The attributable events (clicks, and impressions with view-through) filed by who made them and which product,
/// each list sorted by time, so an order line finds its click with a hash lookup and a binary search: attribution
/// stays O((events + lines) log events) instead of comparing every line with every click. (A session-only click is
/// filed once per customer linked to its session: one or two, unless a kiosk is shared by many.)
///
/// Who made a click: a click carrying a customer id is that customer's (and its session's, for guest orders placed
/// in the same session). A session-only click is its session's and, through `SessionLinks`, every customer who
/// used that session. A click by another logged-in customer on a shared session is not credited to this one.
struct ClickIndex: Sendable {
    /// Whose activity a list holds: a customer's, or an anonymous session's (for guest orders).
    enum Owner: Hashable, Sendable {
        case customer(String)
        case session(String)
    }

    struct Key: Hashable, Sendable {
        var owner: Owner
        var sku: String
    }

    /// One event in a list: its time, and its place in `order` (the indexed events by `(at, id)`), so a larger
    /// `rank` is a later event and equal times break the same way every run.
    struct Touch: Sendable {
        var at: Int64
        var rank: Int
    }

    /// One owner's events on one product, split by kind because each kind has its own window.
    struct Touches: Sendable {
        var recommendationClicks: [Touch] = []
        var emailClicks: [Touch] = []
        var impressions: [Touch] = []
    }

    let windows: AttributionWindows
    private let events: [ShopEvent]
    /// Indices into `events` of the attributable ones, by `(at, id)`: `events[order[rank]]`.
    private let order: [Int]
    private var touches: [Key: Touches] = [:]

    /// `events` must be unique by id (`ShopEvent.unique`); `lines` only supply session links.
    init(events: [ShopEvent], lines: [PlacedLine], windows: AttributionWindows) {
        self.windows = windows
        self.events = events
        let links = SessionLinks(events: events, lines: lines)
        // Sorting once up front fills every list in time order: no per-list sort, and ties are settled by id. Small
        // (time, index) pairs are sorted rather than the events themselves, which are large to move.
        var keyed: [(at: Int64, index: Int)] = []
        keyed.reserveCapacity(events.count)
        for (index, event) in events.enumerated() where event.sku != nil && windows.window(for: event.kind) != nil {
            keyed.append((event.at, index))
        }
        keyed.sort { $0.at != $1.at ? $0.at < $1.at : events[$0.index].id < events[$1.index].id }
        order = keyed.map(\.index)
        touches.reserveCapacity(order.count)
        for (rank, index) in order.enumerated() {
            let event = events[index]
            guard let sku = event.sku else { continue }
            let touch = Touch(at: event.at, rank: rank)
            if let customer = event.customerID {
                file(touch, kind: event.kind, key: Key(owner: .customer(customer), sku: sku))
            }
            if let session = event.sessionID {
                file(touch, kind: event.kind, key: Key(owner: .session(session), sku: sku))
                if event.customerID == nil {
                    for customer in links.customers(of: session) {
                        file(touch, kind: event.kind, key: Key(owner: .customer(customer), sku: sku))
                    }
                }
            }
        }
    }

    private mutating func file(_ touch: Touch, kind: ShopEvent.Kind, key: Key) {
        switch kind {
        case .recommendationClick: touches[key, default: Touches()].recommendationClicks.append(touch)
        case .emailClick: touches[key, default: Touches()].emailClicks.append(touch)
        case .recommendationImpression: touches[key, default: Touches()].impressions.append(touch)
        case .productView, .addToCart, .purchase: break
        }
    }

    /// The line credited to its latest qualifying click on the same SKU (or, failing any click, its latest
    /// qualifying impression), or `nil`. A customer's order looks in the customer's lists, a guest order in its
    /// session's; a guest order without a session cannot be attributed.
    func attribute(_ line: PlacedLine) -> AttributedLine? {
        let owner: Owner
        if let customer = line.customerID {
            owner = .customer(customer)
        } else if let session = line.sessionID {
            owner = .session(session)
        } else {
            return nil
        }
        guard let found = touches[Key(owner: owner, sku: line.sku)] else { return nil }
        var best = later(
            Self.latest(in: found.recommendationClicks, at: line.at, window: windows.recommendationClick),
            Self.latest(in: found.emailClicks, at: line.at, window: windows.emailClick))
        if best == nil, windows.viewThrough {
            best = Self.latest(in: found.impressions, at: line.at, window: windows.recommendationImpression)
        }
        guard let rank = best else { return nil }
        let click = events[order[rank]]
        return AttributedLine(
            key: line.key, customerID: line.customerID, sku: line.sku, orderedAt: line.at, revenue: line.revenue,
            clickID: click.id, clickKind: click.kind, source: click.source, experiment: click.experiment,
            arm: click.arm, lagSeconds: line.at - click.at)
    }

    /// The rank of the latest touch at or before `time` if it lies within `window`; an earlier touch of the same
    /// list is never better, since the window is the same for the whole list.
    private static func latest(in list: [Touch], at time: Int64, window: Int64) -> Int? {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].at <= time { low = middle + 1 } else { high = middle }
        }
        guard low > 0, time - list[low - 1].at <= window else { return nil }
        return list[low - 1].rank
    }
}

/// The later of two ranks, `nil` only when both are.
private func later(_ a: Int?, _ b: Int?) -> Int? {
    guard let a else { return b }
    guard let b else { return a }
    return max(a, b)
}
