import Foundation
import RegularsData
import RegularsDemo
import Testing

@testable import RegularsRecommend

/// The page a widget sits on shifts its recipe: the product page leans on the product and what other customers
/// buy, an editorial page on its topic.
@Suite("Context-first placements: page type and topic")
struct PagePlacementTests {
    typealias Truth = DemoShop.GroundTruth

    @Test("one visitor, a product page and an article about autumn candles: different lists, reasons that fit each")
    func productVersusEditorial() throws {
        let snapshot = PlacementFixtures.snapshot
        let visitor = PlacementFixtures.busiestCustomers[3]
        let product = try PlacementFixtures.list(
            .init(placement: .home, customer: visitor, product: Truth.skillet, pageType: .product, limit: 8))
        let editorial = try PlacementFixtures.list(
            .init(placement: .home, customer: visitor, pageType: .editorial, topic: "Autumn candles", limit: 8))
        #expect(product.items.map(\.sku) != editorial.items.map(\.sku))
        // Every editorial pick matches the topic: a candle (by title or its category), said so in the reason.
        #expect(editorial.items.count == 8)
        for item in editorial.items {
            let category = snapshot.categories[Int(snapshot.products[Int(item.product)].category)]
            #expect(item.title.lowercased().contains("candle") || category == "Candles", "\(item.sku)")
            #expect(
                item.reason == "Goes with “Autumn candles”" || item.reason == "From Candles, what this page is about",
                "\(item.reason)")
        }
        // The product page: complements of the skillet first, and social proof with a real count.
        #expect(product.items.first?.sku == Truth.careKit, "\(product.items.map(\.sku))")
        let proof = product.items.filter { $0.reason.hasPrefix("Bought by ") }
        #expect(!proof.isEmpty, "\(product.items.map(\.reason))")
        let buyers = PlacementFixtures.models.collaborative.context.items.buyers90
        for item in proof {
            #expect(item.reason == "Bought by \(Int(buyers[Int(item.product)])) customers in the last 3 months")
        }
        // Without a page type the home placement is the personal list, untouched by the topic.
        let home = try PlacementFixtures.list(
            .init(placement: .home, customer: visitor, topic: "Autumn candles", limit: 8))
        let plainHome = try PlacementFixtures.list(.init(placement: .home, customer: visitor, limit: 8))
        #expect(home.items.map(\.sku) == plainHome.items.map(\.sku))
    }

    @Test("the rules file's page recipes replace the defaults; e-mails ignore page types")
    func rulesAndEmails() throws {
        var rules = MerchandisingRules()
        rules.pageRecipes = ["editorial": PlacementRecipe([.init(.trending, 1)])]
        let trending = try PlacementFixtures.list(
            .init(placement: .home, pageType: .editorial, topic: "Autumn candles", limit: 6), rules: rules)
        #expect(trending.items.allSatisfy { $0.model == "trending" }, "\(trending.items.map(\.model))")
        let visitor = PlacementFixtures.busiestCustomers[0]
        let email = RecommendationRequest(placement: .emailWinBack, customer: visitor, limit: 6)
        var onPage = email
        onPage.pageType = .editorial
        onPage.topic = "Autumn candles"
        #expect(try PlacementFixtures.list(onPage).items == PlacementFixtures.list(email).items)
        #expect(
            PageTopic.words("How to choose the best autumn candles for your home") == [
                "choose", "autumn", "candle", "home",
            ])
    }
}
