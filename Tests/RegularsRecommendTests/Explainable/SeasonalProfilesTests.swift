import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsRecommend

@Suite("Seasonal products")
struct SeasonalProfilesTests {
    /// Two years of orders: HOLLY sells only in December (both years), SPADE all year round, BUNTING in one June
    /// only (a burst, not a season), PARASOL through its last 18 months but mostly in one June; each order a
    /// different customer.
    static func shop(years: Int = 2) -> Snapshot {
        var lines: [SnapshotBuilder.Line] = []
        var n = 0
        func order(_ sku: String, _ day: String) {
            n += 1
            lines.append(
                SnapshotBuilder.Line(
                    orderID: "O\(n)", customerID: "C\(n)", orderedAt: Int64(Fixtures.day(day).timeIntervalSince1970),
                    sku: sku, quantity: 1, unitPrice: 10_000))
        }
        let first = 2024 - years + 1
        for year in first...2024 {
            for day in 1...8 { order("HOLLY", "\(year)-12-\(String(format: "%02d", day * 3))") }
            for month in 1...12 { order("SPADE", "\(year)-\(String(format: "%02d", month))-10") }
        }
        for day in 1...14 {
            order("BUNTING", "2024-06-\(String(format: "%02d", day))")
            order("PARASOL", "2024-06-\(String(format: "%02d", day))")
        }
        for month in ["2023-07", "2023-09", "2023-11", "2024-01", "2024-03", "2024-09", "2024-11"] {
            order("PARASOL", "\(month)-15")
        }
        order("SPADE", "\(first - 1)-12-31")
        var builder = SnapshotBuilder(asOf: Fixtures.day("2025-01-01"))
        for sku in ["HOLLY", "SPADE", "BUNTING", "PARASOL"] { builder.add(product: Product(sku: sku, title: sku)) }
        for line in lines { builder.add(line: line) }
        return builder.build()
    }

    @Test("December-only is 'every December', a year-round seller's big June 'last June'; a burst is no season")
    func recognised() throws {
        let snapshot = Self.shop()
        let profiles = SeasonalProfiles(snapshot: snapshot)
        let bySKU = Dictionary(uniqueKeysWithValues: profiles.all.map { (snapshot.products[Int($0.product)].sku, $0) })
        let holly = try #require(bySKU["HOLLY"])
        #expect(holly.month == 12 && holly.recurring && holly.share > 0.9)
        let parasol = try #require(bySKU["PARASOL"])
        #expect(parasol.month == 6 && !parasol.recurring)
        #expect(bySKU["BUNTING"] == nil, "two weeks of sales are a burst, not a season")
        #expect(bySKU["SPADE"] == nil)
        #expect(profiles.peaking(in: 12).map(\.product) == [holly.product])
        let reasons = ReasonBuilder(snapshot: snapshot)
        #expect(
            reasons.text(for: .seasonal(month: 12, recurring: true), product: holly.product) == "Popular every December"
        )
        #expect(
            reasons.text(for: .seasonal(month: 6, recurring: false), product: parasol.product) == "Popular last June")
    }

    @Test("less than a year of history says nothing about seasons")
    func tooShort() {
        var builder = SnapshotBuilder(asOf: Fixtures.day("2025-01-01"))
        for day in 1...20 {
            builder.add(
                line: .init(
                    orderID: "O\(day)", customerID: "C\(day)",
                    orderedAt: Int64(Fixtures.day("2024-12-\(String(format: "%02d", day))").timeIntervalSince1970),
                    sku: "HOLLY", quantity: 1, unitPrice: 10_000))
        }
        builder.add(
            line: .init(
                orderID: "O0", customerID: "C0", orderedAt: Int64(Fixtures.day("2024-03-01").timeIntervalSince1970),
                sku: "SPADE", quantity: 1, unitPrice: 10_000))
        #expect(SeasonalProfiles(snapshot: builder.build()).all.isEmpty)
    }

    @Test("on the two-year demo shop, gift sets peak in November and December, raised beds in spring")
    func demo() throws {
        let recommender = Recommender(models: PlacementFixtures.models)
        let snapshot = PlacementFixtures.snapshot
        let months = Dictionary(
            uniqueKeysWithValues: recommender.seasons.all.map { (snapshot.products[Int($0.product)].sku, $0.month) })
        let gifts = months.filter { $0.key.hasPrefix("GIFT-") }
        #expect(gifts.count >= 8)
        #expect(gifts.values.allSatisfy { [11, 12].contains($0) }, "\(gifts)")
        #expect(months.filter { $0.key.hasPrefix("RB-") }.values.allSatisfy { (3...5).contains($0) })
        // In mid-November the seasonal source proposes December's gifts (bought ahead) with their reason.
        var request = RecommendationRequest(
            placement: .home, limit: 10, asOf: Fixtures.day("2024-11-15"))
        request.recipe = PlacementRecipe([.init(.seasonal, 1)])
        let list = try recommender.recommend(request)
        #expect(list.items.count >= 5)
        #expect(list.items.allSatisfy { $0.model == "seasonal" })
        #expect(
            list.items.allSatisfy { item in
                ["November", "December"].contains { item.reason.hasSuffix($0) } && item.reason.hasPrefix("Popular ")
            }, "\(list.items.map(\.reason))")
        #expect(list.items.filter { $0.reason == "Popular every December" }.count >= 2)
    }
}
