import RegularsData
import RegularsMeasure

// Builders for hand-made sequences: every test reads as "who did what when", with the rest defaulted.

let hour = AttributionWindows.hour
let day = AttributionWindows.day
/// 2023-11-14 22:13:20 UTC; any fixed time will do, there is no clock.
let t0: Int64 = 1_700_000_000

/// `whole.cents` in the shop's currency.
func money(_ whole: Int64, cents: Int64 = 0) -> Money { Money(units: whole * Money.scale + cents * 100) }

func event(
    _ id: String, _ kind: ShopEvent.Kind, at: Int64, customer: String? = "c1", session: String? = nil,
    sku: String? = "X", source: String? = nil, experiment: String? = nil, arm: String? = nil
) -> ShopEvent {
    ShopEvent(
        id: id, kind: kind, at: at, customerID: customer, sessionID: session, sku: sku, source: source,
        experiment: experiment, arm: arm)
}

func widgetClick(
    _ id: String, at: Int64, customer: String? = "c1", session: String? = nil, sku: String = "X",
    source: String = "home", experiment: String? = nil, arm: String? = nil
) -> ShopEvent {
    event(
        id, .recommendationClick, at: at, customer: customer, session: session, sku: sku, source: source,
        experiment: experiment, arm: arm)
}

func emailClick(
    _ id: String, at: Int64, customer: String? = "c1", sku: String = "X", campaign: String = "spring"
) -> ShopEvent {
    event(id, .emailClick, at: at, customer: customer, sku: sku, source: campaign)
}

func line(
    _ order: String, _ position: Int = 1, customer: String? = "c1", session: String? = nil, at: Int64,
    sku: String = "X", quantity: Int = 1, price: Money = money(10)
) -> PlacedLine {
    PlacedLine(
        orderID: order, position: position, customerID: customer, sessionID: session, at: at, sku: sku,
        quantity: quantity, unitPrice: price)
}

extension SeededRandom {
    /// A whole number in `0..<bound`, for the generated cases (same input every run).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
