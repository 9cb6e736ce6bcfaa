import Foundation
import RegularsData
import Testing

@testable import RegularsSegments

@Suite("Customer lifetime value")
struct LifetimeValueModelTests {
    let value = LifetimeValueModel(
        purchases: BGNBDModel(parameters: CDNOW.clvTools, unit: .weeks),
        spend: GammaGammaModel(parameters: .init(p: 6.25, q: 3.74, gamma: 15.44)))

    @Test("12-month CLV at 1 % a month matches a high-precision computation (mpmath)")
    func matchesReference() throws {
        for (summary, expected) in [
            (CustomerSummary(frequency: 2, recency: 30.43, age: 38.86, averageSpend: 22.35), 36.307876092912),
            (CustomerSummary(frequency: 0, recency: 0, age: 38.86), 8.36096848956983),
            (CustomerSummary(frequency: 14, recency: 35.71, age: 38.43, averageSpend: 25.5), 273.556409071068),
        ] {
            #expect(abs(try #require(value.value(of: summary)) - expected) < 1e-8)
        }
        let one = CustomerSummary(frequency: 2, recency: 30.43, age: 38.86, averageSpend: 22.35)
        #expect(value.money(of: one) == Money(units: 363_079))
    }

    @Test("without discounting, CLV is expected purchases over the horizon times expected spend")
    func undiscounted() throws {
        let flat = LifetimeValueModel(
            purchases: value.purchases, spend: value.spend, settings: .init(horizonMonths: 6, monthlyDiscountRate: 0))
        let summary = CustomerSummary(frequency: 4, recency: 31.43, age: 32.71, averageSpend: 30)
        let purchases = value.purchases.expectedPurchases(summary, within: 6 * 365.25 / 12 / 7)
        let spend = try #require(value.spend.expectedAverageSpend(summary))
        #expect(abs(try #require(flat.value(of: summary)) - purchases * spend) < 1e-9)
    }

    @Test("discounting lowers value, a longer horizon raises it, and no horizon is worth nothing")
    func discounting() throws {
        let summary = CustomerSummary(frequency: 4, recency: 31.43, age: 32.71, averageSpend: 30)
        let base = try #require(value.value(of: summary))
        let steep = LifetimeValueModel(
            purchases: value.purchases, spend: value.spend, settings: .init(monthlyDiscountRate: 0.05))
        let longer = LifetimeValueModel(
            purchases: value.purchases, spend: value.spend, settings: .init(horizonMonths: 24))
        let none = LifetimeValueModel(purchases: value.purchases, spend: value.spend, settings: .init(horizonMonths: 0))
        #expect(try #require(steep.value(of: summary)) < base)
        #expect(try #require(longer.value(of: summary)) > base)
        #expect(none.value(of: summary) == 0)
    }
}
