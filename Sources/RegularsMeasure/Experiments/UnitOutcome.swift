/// What one randomisation unit (typically a customer) did during the experiment window.
///
/// Units, not orders, are the unit of analysis because assignment is per unit: treating orders as independent
/// would understate the variance whenever a regular orders more than once.
public struct UnitOutcome: Sendable, Hashable, Codable {
    /// Revenue attributed to the unit during the experiment window (0 when it bought nothing).
    public var revenue: Double
    /// Whether the unit placed at least one order.
    public var converted: Bool
    /// Revenue from the same unit in a pre-experiment window, used by CUPED. Pass 0 for a unit that was
    /// known but bought nothing; pass nil only when the pre-period was not tracked at all.
    public var preRevenue: Double?

    public init(revenue: Double, converted: Bool, preRevenue: Double? = nil) {
        self.revenue = revenue
        self.converted = converted
        self.preRevenue = preRevenue
    }
}
