import Foundation
import RegularsData
import RegularsDemo
import Testing

@testable import RegularsRecommend

@Suite("SimilarItemsModel")
struct SimilarItemsModelTests {
    @Test("titles become lower-case singular words without stop words, sizes or counts")
    func tokens() {
        #expect(
            TitleTokenizer.tokens("Silicone Oven Mitts - Charcoal, 2 pack") == [
                "silicone", "oven", "mitt", "charcoal", "pack",
            ])
        #expect(TitleTokenizer.tokens("Cedar Raised Bed Kit, 4 x 8 ft") == ["cedar", "raised", "bed", "kit", "ft"])
        #expect(TitleTokenizer.tokens("SET OF 3 GLASS JARS") == ["set", "glass", "jar"])
    }

    @Test("the similarity is the cosine of the TF-IDF title and category vectors")
    func knownCosine() throws {
        let products = [
            Product(sku: "X", title: "Blue Mug", category: "Mugs"),
            Product(sku: "Y", title: "Blue Mug", category: "Mugs"),
            Product(sku: "Z", title: "Red Mug", category: "Mugs"),
        ]
        let snapshot = ExplainableFixtures.snapshot([], products: products, asOfDay: 1)
        let model = SimilarItemsModel.train(on: snapshot, asOf: ExplainableFixtures.date(1))
        let x = snapshot.productIndexBySKU["X"]!
        let similar = model.similar(to: x, limit: 5)
        #expect(similar.map(\.product) == ["Y", "Z"].map { snapshot.productIndexBySKU[$0]! })
        #expect(abs(similar[0].score - 1) < 1e-5)
        // idf = ln(4 / (df + 1)) + 1; each block scaled to length 1 (title) and 0.6 (category), then the whole.
        let blue = log(4.0 / 3.0) + 1
        let red = log(2.0) + 1
        let mug = 1.0
        let titleX = (blue * blue + mug * mug).squareRoot()
        let titleZ = (red * red + mug * mug).squareRoot()
        let expected = (mug / titleX * mug / titleZ + 0.36) / 1.36
        #expect(abs(Double(similar[1].score) - expected) < 1e-5)
        let z = snapshot.productIndexBySKU["Z"]!
        let back = try #require(model.similar(to: z, limit: 5).first { $0.product == x })
        #expect(back.score == similar[1].score)
        #expect(similar[1].evidence == .similar(to: x))
    }

    @Test("category, vendor and price band separate items whose titles say little")
    func catalogFeatures() {
        let products = [
            Product(sku: "A", title: "Classic", vendor: "Lodge", category: "Cookware", price: Money(units: 450_000)),
            Product(sku: "B", title: "Heritage", vendor: "Lodge", category: "Cookware", price: Money(units: 480_000)),
            Product(sku: "C", title: "Original", vendor: "Acme", category: "Cookware", price: Money(units: 4_000_000)),
            Product(sku: "D", title: "Standard", vendor: "Acme", category: "Garden", price: Money(units: 90_000)),
        ]
        let snapshot = ExplainableFixtures.snapshot([], products: products, asOfDay: 1)
        let model = SimilarItemsModel.train(on: snapshot, asOf: ExplainableFixtures.date(1))
        let index = { (sku: String) in snapshot.productIndexBySKU[sku]! }
        #expect(model.similar(to: index("A"), limit: 3).map(\.product) == [index("B"), index("C")])
        #expect(model.similar(to: index("D"), limit: 3).map(\.product) == [index("C")])
    }

    @Test("on the demo shop, never-sold products get similar items and are similar to their siblings")
    func demoColdStart() throws {
        let (shop, snapshot) = ExplainableFixtures.demo
        let model = SimilarItemsModel.train(on: snapshot, asOf: snapshot.asOf)
        let unsold = shop.unsoldSKUs
        #expect(!unsold.isEmpty)
        for sku in unsold {
            let product = ExplainableFixtures.demoProduct(sku)
            let similar = model.similar(to: product, limit: 5)
            #expect(similar.count == 5, "\(sku)")
            let reverse = similar.filter { model.similar(to: $0.product, limit: 10).contains { $0.product == product } }
            #expect(!reverse.isEmpty, "\(sku) is nobody's neighbour")
        }
        // The linen aprons are variants of one item: each one's nearest neighbours are the other colours.
        let aprons = shop.products.map(\.sku).filter { $0.hasPrefix("APRON-LIN-") }
        #expect(aprons.count >= 3)
        let first = ExplainableFixtures.demoProduct(aprons[0])
        let near = Set(
            model.similar(to: first, limit: aprons.count - 1).map { ExplainableFixtures.demoSKU($0.product) })
        #expect(near == Set(aprons.dropFirst()))
    }

    @Test("on the demo shop, an oven mitt's nearest neighbours are the other mitt colours")
    func demoVariants() {
        let mitts = DemoShop.GroundTruth.ovenMitts
        let snapshot = ExplainableFixtures.demoSnapshot
        let model = SimilarItemsModel.train(on: snapshot, asOf: snapshot.asOf)
        let near = model.similar(to: ExplainableFixtures.demoProduct(mitts[0]), limit: 2).map {
            ExplainableFixtures.demoSKU($0.product)
        }
        #expect(Set(near) == Set(mitts.dropFirst()))
    }
}
