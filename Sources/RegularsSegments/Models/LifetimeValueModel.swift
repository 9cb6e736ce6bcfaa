import Foundation
import RegularsData

/// Predicted customer lifetime value over a horizon: BG/NBD purchases times Gamma-Gamma spend,
/// discounted month by month (the computation of lifetimes' `customer_lifetime_value`).
///
/// CLV = Σₖ₌₁…ₙ (E[Y(k m)] − E[Y((k−1) m)]) · E[Z] / (1 + d)ᵏ, with m one month (365.25/12 days, in
/// the purchase model's unit), n = `horizonMonths` and d = `monthlyDiscountRate`. Revenue, not margin:
/// multiply by a margin for profit. Costs n series evaluations per customer.
public struct LifetimeValueModel: Sendable, Hashable, Codable {
    public struct Settings: Sendable, Hashable, Codable {
        public var horizonMonths = 12
        /// Per month: 0.01 is about 12.7 % a year.
        public var monthlyDiscountRate = 0.01

        public init(horizonMonths: Int = 12, monthlyDiscountRate: Double = 0.01) {
            self.horizonMonths = horizonMonths
            self.monthlyDiscountRate = monthlyDiscountRate
        }

        enum CodingKeys: String, CodingKey {
            case horizonMonths = "horizon_months"
            case monthlyDiscountRate = "monthly_discount_rate"
        }

        /// Keys left out keep their defaults.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            horizonMonths = try c.decodeIfPresent(Int.self, forKey: .horizonMonths) ?? 12
            monthlyDiscountRate = try c.decodeIfPresent(Double.self, forKey: .monthlyDiscountRate) ?? 0.01
        }
    }

    /// One month in days.
    public static let monthDays = 365.25 / 12

    public let purchases: BGNBDModel
    public let spend: GammaGammaModel
    public let settings: Settings

    public init(purchases: BGNBDModel, spend: GammaGammaModel, settings: Settings = Settings()) {
        self.purchases = purchases
        self.spend = spend
        self.settings = settings
    }

    /// The discounted value of the customer's purchases over the horizon, in currency units; `nil` when
    /// the spend model cannot value the customer (x = 0 and q ≤ 1).
    public func value(of summary: CustomerSummary) -> Double? {
        guard let perPurchase = spend.expectedAverageSpend(summary) else { return nil }
        let month = purchases.unit.fromDays(Self.monthDays)
        var total = 0.0
        var previous = 0.0
        for k in 1...max(settings.horizonMonths, 1) where settings.horizonMonths > 0 {
            let cumulative = purchases.expectedPurchases(summary, within: Double(k) * month)
            total += (cumulative - previous) / pow(1 + settings.monthlyDiscountRate, Double(k))
            previous = cumulative
        }
        return total * perPurchase
    }

    /// `value(of:)` as `Money`, rounded to the nearest ten-thousandth.
    public func money(of summary: CustomerSummary) -> Money? {
        value(of: summary).map(Money.init(rounding:))
    }
}
