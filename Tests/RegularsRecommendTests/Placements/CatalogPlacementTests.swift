import Foundation
import RegularsData
import Testing

@testable import RegularsRecommend

@Suite("Products without a catalog record")
struct CatalogPlacementTests {
    static let baskets: [String: [[String]]] = [
        "a": [["PAN", "OIL"]], "b": [["PAN", "OIL"]], "c": [["PAN", "OIL", "OLD"]], "d": [["PAN", "OLD"]],
    ]

    static func checkout(withCatalog: Bool) throws -> [SKU] {
        var builder = SnapshotBuilder(asOf: TinyShop.asOf)
        if withCatalog {
            for sku in ["PAN", "OIL"] { builder.add(product: Product(sku: sku, title: sku, category: "Kitchen")) }
        }
        for line in TinyShop.lines(baskets) { builder.add(line: line) }
        let models = ModelSet.train(on: builder.build(), trainedAt: TinyShop.asOf)
        let list = try Recommender(models: models, rules: MerchandisingRules())
            .recommend(.init(placement: .checkout, cart: ["PAN"], limit: 5))
        return list.items.map(\.sku)
    }

    @Test("an orders-only shop (no catalog imported) still gets recommendations from what it sold")
    func ordersOnly() throws {
        let skus = try Self.checkout(withCatalog: false)
        #expect(skus.first == "OIL")
        #expect(skus.contains("OLD"))
    }

    @Test("with a catalog, a SKU missing from it (discontinued) is never shown")
    func discontinued() throws {
        let skus = try Self.checkout(withCatalog: true)
        #expect(skus == ["OIL"])
    }
}
