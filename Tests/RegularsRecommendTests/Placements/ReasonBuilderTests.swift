import Foundation
import RegularsData
import Testing

@testable import RegularsRecommend

@Suite("Reasons in plain words")
struct ReasonBuilderTests {
    static let snapshot = ExplainableFixtures.snapshot(
        [],
        products: [
            Product(sku: "SK", title: "Lodge cast-iron skillet", category: "Cookware"),
            Product(sku: "CH", title: "Chemex pour-over", category: "Coffee"),
            Product(sku: "PT", title: "Pregnancy test", category: "Wellness", sensitive: true),
            Product(sku: "TT", title: "Tea towel", category: "Kitchen textiles"),
        ], asOfDay: 1)
    static let builder = ReasonBuilder(snapshot: snapshot)
    static func p(_ sku: SKU) -> ProductIndex { snapshot.productIndexBySKU[sku]! }
    static func category(_ name: String) -> Int32 { Int32(snapshot.categories.firstIndex(of: name)!) }

    @Test("each signal reads as a sentence naming the real product or category")
    func sentences() {
        let b = Self.builder
        let tt = Self.p("TT")
        #expect(
            b.text(for: .boughtBefore(anchor: Self.p("SK")), product: tt)
                == "Because you bought the Lodge cast-iron skillet")
        #expect(
            b.text(for: .boughtTogether(anchor: Self.p("CH")), product: tt)
                == "Often bought together with the Chemex pour-over")
        #expect(
            b.text(for: .restock(everyDays: 27.6, personal: true), product: tt)
                == "Time to restock: you usually reorder every 4 weeks")
        #expect(
            b.text(for: .restock(everyDays: 61, personal: false), product: tt)
                == "Time to restock: most customers reorder every 9 weeks")
        #expect(
            b.text(for: .popular(category: Self.category("Kitchen textiles")), product: tt)
                == "Popular in Kitchen textiles this month")
        #expect(b.text(for: .newArrival(category: Self.category("Cookware")), product: tt) == "New arrival in Cookware")
        #expect(
            b.text(for: .nextStep(after: Self.p("SK"), lagDays: 45), product: tt)
                == "Customers who bought the Lodge cast-iron skillet often add this about 6 weeks later")
        #expect(b.text(for: .popular(category: nil), product: tt) == "Popular this month")
    }

    @Test("a sensitive anchor is never named: the reason falls back to the item's own category")
    func sensitiveAnchor() {
        let text = Self.builder.text(for: .boughtTogether(anchor: Self.p("PT")), product: Self.p("TT"))
        #expect(text == "Popular in Kitchen textiles this month")
        #expect(!PrivacyGuard(snapshot: Self.snapshot).allows(.similar(to: Self.p("PT"))))
    }

    @Test("intervals: days, weeks, then months")
    func intervals() {
        #expect(ReasonBuilder.every(1) == "day")
        #expect(ReasonBuilder.every(7.2) == "7 days")
        #expect(ReasonBuilder.every(14) == "2 weeks")
        #expect(ReasonBuilder.every(120) == "4 months")
        #expect(ReasonBuilder.later(7) == "7 days")
        #expect(ReasonBuilder.later(10) == "about a week")
    }
}
