import Foundation
import RegularsContent
import RegularsData
import RegularsRecommend

/// Stated preferences: what the preference page offers, what it stores, and what the recommender and campaigns
/// read back. Expiry is against the clock, not the as-of day: an answer given today lasts its months whatever
/// day the models are computed for.
extension Shop {
    /// The choices the preference page offers: the categories of the shop's catalog that have a product it may
    /// recommend (never one only sensitive products are in), and three price bands cut at its price terciles.
    public static func preferenceChoices(_ snapshot: Snapshot) -> (categories: [String], bands: [PriceBand]) {
        let hasCatalog = snapshot.hasCatalog
        var categories = Set<String>()
        var prices: [Money] = []
        for product in snapshot.products where !product.sensitive && product.isOfferable(shopHasCatalog: hasCatalog) {
            if product.category >= 0 { categories.insert(snapshot.categories[Int(product.category)]) }
            if let price = product.price { prices.append(price) }
        }
        return (categories.sorted(), PriceBand.terciles(of: prices))
    }

    /// Every customer's unexpired stated preferences.
    public func statedPreferences() throws -> [CustomerID: StatedPreferences] {
        try store.statedPreferences(at: clock())
    }

    /// Stores `customer`'s answer, keeping only the categories and bands the page offered; it expires after the
    /// rules' `statedPreferenceMonths`.
    @discardableResult
    public func state(
        preferences customer: CustomerID, categories: [String], bands: [PriceBand], fewerEmails: Bool,
        offered: (categories: [String], bands: [PriceBand])
    ) throws -> StatedPreferences {
        let now = clock()
        let months = try rules().statedPreferenceMonths
        let answer = StatedPreferences(
            customerID: customer, categories: categories.filter(offered.categories.contains),
            priceBands: bands.filter(offered.bands.contains), fewerEmails: fewerEmails, statedAt: now,
            expiresAt: now.addingTimeInterval(Double(months) * 30.44 * DayNumber.interval))
        try store.record(preferences: answer)
        return answer
    }
}
