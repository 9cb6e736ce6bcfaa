import Foundation

extension ExperimentResults {
    /// One arm as `experiment results --json` and `GET /v1/experiments/{name}` print it (snake_case keys, nulls
    /// written out).
    public struct ArmJSON: Codable, Hashable, Sendable {
        public var name: String
        public var units: Int
        public var impressions: Int
        public var clicks: Int
        public var orders: Int
        public var revenue: Double
        public var attributedRevenue: Double
        public var revenuePerUnit: Double?
        public var conversionRate: Double?

        enum CodingKeys: String, CodingKey {
            case name, units, impressions, clicks, orders, revenue
            case attributedRevenue = "attributed_revenue"
            case revenuePerUnit = "revenue_per_unit"
            case conversionRate = "conversion_rate"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(units, forKey: .units)
            try c.encode(impressions, forKey: .impressions)
            try c.encode(clicks, forKey: .clicks)
            try c.encode(orders, forKey: .orders)
            try c.encode(revenue, forKey: .revenue)
            try c.encode(attributedRevenue, forKey: .attributedRevenue)
            try c.encode(revenuePerUnit, forKey: .revenuePerUnit)
            try c.encode(conversionRate, forKey: .conversionRate)
        }
    }

    /// One comparison: `lift`, `ci_low`, `ci_high` are relative (0.08 = +8 %), always-valid at 95 %.
    public struct ComparisonJSON: Codable, Hashable, Sendable {
        public var arm: String
        public var control: String
        public var metric: String
        public var lift: Double?
        public var ciLow: Double?
        public var ciHigh: Double?
        public var verdict: String
        public var summary: String
        public var remainingWeeks: Double?
        public var cupedVarianceReduction: Double

        enum CodingKeys: String, CodingKey {
            case arm, control, metric, lift, verdict, summary
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
            case remainingWeeks = "remaining_weeks"
            case cupedVarianceReduction = "cuped_variance_reduction"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(arm, forKey: .arm)
            try c.encode(control, forKey: .control)
            try c.encode(metric, forKey: .metric)
            try c.encode(lift, forKey: .lift)
            try c.encode(ciLow, forKey: .ciLow)
            try c.encode(ciHigh, forKey: .ciHigh)
            try c.encode(verdict, forKey: .verdict)
            try c.encode(summary, forKey: .summary)
            try c.encode(remainingWeeks, forKey: .remainingWeeks)
            try c.encode(cupedVarianceReduction, forKey: .cupedVarianceReduction)
        }
    }
}

extension ExperimentResults.Arm {
    public var json: ExperimentResults.ArmJSON {
        .init(
            name: name, units: units, impressions: impressions, clicks: clicks, orders: orders,
            revenue: revenue.doubleValue, attributedRevenue: attributedRevenue.doubleValue,
            revenuePerUnit: revenuePerUnit, conversionRate: conversionRate)
    }
}

extension ExperimentResults.Comparison {
    public var json: ExperimentResults.ComparisonJSON {
        .init(
            arm: arm, control: control, metric: metric == .revenuePerUnit ? "revenue_per_unit" : "conversion_rate",
            lift: result?.estimate, ciLow: result?.low, ciHigh: result?.high, verdict: verdict.code.snakeCase,
            summary: verdict.sentence, remainingWeeks: verdict.remainingWeeks, cupedVarianceReduction: varianceReduction
        )
    }
}

extension VerdictCode {
    /// `ahead_conclusive`, `behind_conclusive`, `inconclusive`, `not_enough_data`.
    public var snakeCase: String {
        rawValue.unicodeScalars.reduce(into: "") { text, scalar in
            if CharacterSet.uppercaseLetters.contains(scalar) {
                text += "_" + String(scalar).lowercased()
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
    }
}
