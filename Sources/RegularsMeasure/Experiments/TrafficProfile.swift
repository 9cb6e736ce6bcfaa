/// What a shop's own traffic looks like, as the planner needs it. Take these from the weeks before the
/// experiment, not from the experiment itself.
public struct TrafficProfile: Sendable, Hashable, Codable {
    /// Units (customers) newly entering the experiment per week, before any holdout is taken out.
    public var unitsPerWeek: Double
    /// Share of units that place at least one order during the measurement window.
    public var baselineConversionRate: Double
    /// Mean revenue per unit (non-buyers count as 0).
    public var baselineRevenuePerUnit: Double
    /// Standard deviation of revenue per unit (non-buyers included); usually larger than the mean.
    public var revenuePerUnitStandardDeviation: Double
    /// Share of enrolled units sent to B (0.5 for an even split).
    public var splitFraction: Double
    /// Share of entering units held out of the experiment altogether.
    public var holdoutFraction: Double

    public init(
        unitsPerWeek: Double, baselineConversionRate: Double, baselineRevenuePerUnit: Double,
        revenuePerUnitStandardDeviation: Double, splitFraction: Double = 0.5, holdoutFraction: Double = 0
    ) {
        self.unitsPerWeek = unitsPerWeek
        self.baselineConversionRate = baselineConversionRate
        self.baselineRevenuePerUnit = baselineRevenuePerUnit
        self.revenuePerUnitStandardDeviation = revenuePerUnitStandardDeviation
        self.splitFraction = splitFraction
        self.holdoutFraction = holdoutFraction
    }

    /// Weekly units reaching A and B once the holdout is removed; nil when the profile is unusable.
    var armRatesPerWeek: (a: Double, b: Double)? {
        guard unitsPerWeek > 0, unitsPerWeek.isFinite, splitFraction > 0, splitFraction < 1,
            holdoutFraction >= 0, holdoutFraction < 1
        else { return nil }
        let enrolled = unitsPerWeek * (1 - holdoutFraction)
        return (enrolled * (1 - splitFraction), enrolled * splitFraction)
    }
}
