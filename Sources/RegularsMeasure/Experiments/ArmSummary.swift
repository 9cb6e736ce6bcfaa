/// Sufficient statistics for one arm of an experiment.
///
/// Every interval in this module needs only these sums, so an arm can be accumulated incrementally (one unit
/// at a time, or by merging per-day or per-shard summaries) without keeping per-unit rows around.
/// Variances are derived from raw sums, which is numerically fine for revenue (whose standard deviation is
/// of the order of its mean or larger) and is clamped at zero to absorb rounding.
public struct ArmSummary: Sendable, Hashable, Codable {
    public var units: Int
    /// Units with at least one order.
    public var conversions: Int
    public var revenueSum: Double
    public var revenueSumOfSquares: Double
    /// Σx over the pre-period covariate; nil when any contributing unit lacked a pre-period value, because
    /// CUPED on a subset of units would silently change what is being estimated.
    public var covariateSum: Double?
    public var covariateSumOfSquares: Double?
    /// Σ x·y (pre-period revenue times experiment revenue).
    public var crossSum: Double?

    /// An empty arm. Its covariate sums start at zero (present): they only disappear once a unit without
    /// a pre-period value is added.
    public static let empty = ArmSummary(
        units: 0, conversions: 0, revenueSum: 0, revenueSumOfSquares: 0,
        covariateSum: 0, covariateSumOfSquares: 0, crossSum: 0
    )

    public init(
        units: Int, conversions: Int, revenueSum: Double, revenueSumOfSquares: Double,
        covariateSum: Double? = nil, covariateSumOfSquares: Double? = nil, crossSum: Double? = nil
    ) {
        self.units = units
        self.conversions = conversions
        self.revenueSum = revenueSum
        self.revenueSumOfSquares = revenueSumOfSquares
        let complete = covariateSum != nil && covariateSumOfSquares != nil && crossSum != nil
        self.covariateSum = complete ? covariateSum : nil
        self.covariateSumOfSquares = complete ? covariateSumOfSquares : nil
        self.crossSum = complete ? crossSum : nil
    }

    /// Accumulates per-unit outcomes.
    public init<S: Sequence>(_ outcomes: S) where S.Element == UnitOutcome {
        self = .empty
        for outcome in outcomes { add(outcome) }
    }

    /// Adds one unit in place; the cheap path for simulations and streaming ingestion.
    public mutating func add(_ outcome: UnitOutcome) {
        units += 1
        if outcome.converted { conversions += 1 }
        revenueSum += outcome.revenue
        revenueSumOfSquares += outcome.revenue * outcome.revenue
        if let x = outcome.preRevenue, let sx = covariateSum, let sxx = covariateSumOfSquares, let sxy = crossSum {
            covariateSum = sx + x
            covariateSumOfSquares = sxx + x * x
            crossSum = sxy + x * outcome.revenue
        } else {
            covariateSum = nil
            covariateSumOfSquares = nil
            crossSum = nil
        }
    }

    /// Merges two disjoint sets of units (e.g. two days, or two shards of the same arm).
    public static func + (lhs: ArmSummary, rhs: ArmSummary) -> ArmSummary {
        func sum(_ l: Double?, _ r: Double?) -> Double? { l.flatMap { l in r.map { l + $0 } } }
        return ArmSummary(
            units: lhs.units + rhs.units,
            conversions: lhs.conversions + rhs.conversions,
            revenueSum: lhs.revenueSum + rhs.revenueSum,
            revenueSumOfSquares: lhs.revenueSumOfSquares + rhs.revenueSumOfSquares,
            covariateSum: sum(lhs.covariateSum, rhs.covariateSum),
            covariateSumOfSquares: sum(lhs.covariateSumOfSquares, rhs.covariateSumOfSquares),
            crossSum: sum(lhs.crossSum, rhs.crossSum)
        )
    }

    public static func += (lhs: inout ArmSummary, rhs: ArmSummary) { lhs = lhs + rhs }

    /// Whether CUPED can be applied (every unit carried a pre-period value and there is at least one unit).
    public var hasCovariate: Bool { covariateSum != nil && units > 0 }

    /// Conversions / units; nil for an empty arm rather than NaN.
    public var conversionRate: Double? {
        units > 0 ? Double(conversions) / Double(units) : nil
    }

    /// Mean revenue per unit (non-buyers count as 0); nil for an empty arm.
    public var revenuePerUnit: Double? {
        units > 0 ? revenueSum / Double(units) : nil
    }

    /// Sample variance (n − 1) of revenue per unit; nil with fewer than two units.
    public var revenueVariance: Double? {
        Self.sampleVariance(sum: revenueSum, sumOfSquares: revenueSumOfSquares, count: units)
    }

    /// Sample variance (n − 1) of the pre-period covariate; nil without a covariate or with < 2 units.
    public var covariateVariance: Double? {
        guard let sx = covariateSum, let sxx = covariateSumOfSquares else { return nil }
        return Self.sampleVariance(sum: sx, sumOfSquares: sxx, count: units)
    }

    static func sampleVariance(sum: Double, sumOfSquares: Double, count: Int) -> Double? {
        guard count >= 2 else { return nil }
        let n = Double(count)
        return max(0, (sumOfSquares - sum * sum / n) / (n - 1))
    }
}
