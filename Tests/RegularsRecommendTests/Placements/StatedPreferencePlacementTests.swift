import Foundation
import RegularsData
import Testing

@testable import RegularsRecommend

@Suite("Stated preferences as a signal")
struct StatedPreferencePlacementTests {
    static func answer(_ customer: CustomerID, _ categories: [String], bands: [PriceBand] = []) -> StatedPreferences {
        StatedPreferences(
            customerID: customer, categories: categories, priceBands: bands, statedAt: .distantPast,
            expiresAt: .distantFuture)
    }

    @Test("a stated category brings its bestsellers in, with 'Because you told us you like …', within the price band")
    func steers() throws {
        let snapshot = PlacementFixtures.snapshot
        let customer = try #require(
            snapshot.customers.first { id in
                snapshot.orders(of: snapshot.customerIndexByID[id.id]!).count >= 2
            }?.id)
        var request = RecommendationRequest(placement: .home, customer: customer, limit: 10)
        let before = try PlacementFixtures.list(request)
        #expect(!before.items.contains { $0.reason.hasPrefix("Because you told us") })
        let band = PriceBand(minimum: Money(units: 150_000), maximum: nil)
        request.stated = Self.answer(customer, ["Candles"], bands: [band])
        let after = try PlacementFixtures.list(request)
        let stated = after.items.filter { $0.reason == "Because you told us you like Candles" }
        #expect(!stated.isEmpty, "\(after.items.map(\.reason))")
        for item in stated {
            #expect(PlacementFixtures.category(of: item.sku) == "Candles")
            #expect(band.contains(try #require(item.price)))
        }
        // Someone else's answer, or an opted-out customer, changes nothing.
        request.stated = Self.answer("someone-else", ["Candles"])
        #expect(try PlacementFixtures.list(request).items.map(\.sku) == before.items.map(\.sku))
    }
}
