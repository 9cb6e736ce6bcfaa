import Foundation

/// What a customer told the shop they like, through the preference page a re-engagement e-mail links to: the
/// shop's own categories, price bands of its own catalog, and whether they want fewer e-mails.
///
/// An explicit signal, the kind a reason may name ("Because you told us you like Candles"). It expires: tastes
/// change, and a year-old answer should not steer forever (`expiresAt`, a year after by default).
public struct StatedPreferences: Sendable, Hashable, Codable {
    public var customerID: CustomerID
    /// Category names as the catalog spells them.
    public var categories: [String]
    public var priceBands: [PriceBand]
    public var fewerEmails: Bool
    public var statedAt: Date
    public var expiresAt: Date

    public init(
        customerID: CustomerID, categories: [String], priceBands: [PriceBand] = [], fewerEmails: Bool = false,
        statedAt: Date, expiresAt: Date
    ) {
        self.customerID = customerID
        self.categories = categories
        self.priceBands = priceBands
        self.fewerEmails = fewerEmails
        self.statedAt = statedAt
        self.expiresAt = expiresAt
    }

    /// Whether `price` falls in one of the bands; any price when no band was chosen.
    public func accepts(price: Money?) -> Bool {
        guard !priceBands.isEmpty else { return true }
        guard let price else { return false }
        return priceBands.contains { $0.contains(price) }
    }
}

/// A range of prices, `[minimum, maximum)`, either end open.
public struct PriceBand: Sendable, Hashable, Codable {
    public var minimum: Money?
    public var maximum: Money?

    public init(minimum: Money?, maximum: Money?) {
        self.minimum = minimum
        self.maximum = maximum
    }

    public func contains(_ price: Money) -> Bool {
        (minimum.map { price >= $0 } ?? true) && (maximum.map { price < $0 } ?? true)
    }

    /// Three bands cut at the catalog's price terciles (rounded to whole units): what the preference page offers.
    public static func terciles(of prices: [Money]) -> [PriceBand] {
        let sorted = prices.filter { $0.units > 0 }.sorted()
        guard sorted.count >= 3 else { return [] }
        func cut(_ share: Double) -> Money {
            let price = sorted[min(sorted.count - 1, Int(Double(sorted.count) * share))]
            return Money(units: max(Money.scale, (price.units / Money.scale) * Money.scale))
        }
        let low = cut(1.0 / 3), high = cut(2.0 / 3)
        guard low < high else { return [PriceBand(minimum: nil, maximum: nil)] }
        return [
            PriceBand(minimum: nil, maximum: low), PriceBand(minimum: low, maximum: high),
            PriceBand(minimum: high, maximum: nil),
        ]
    }
}
