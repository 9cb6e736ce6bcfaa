import RegularsData

/// One planned purchase of one customer, before orders are numbered and priced.
struct DemoIntent: Sendable {
    /// Index into the shop's people; guests have their own person.
    var person: Int
    /// Local UK day (days since 1970).
    var day: Int
    /// Seconds after local midnight.
    var localSeconds: Int
    /// Product indices and quantities, no product twice.
    var lines: [(product: Int, quantity: Int)]
    /// `true` for the planted patterns (never cancelled or refunded, so the patterns stay clean).
    var planted: Bool
    var source: String
}
