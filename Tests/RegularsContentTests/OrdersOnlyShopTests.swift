import Foundation
import RegularsData
import Testing

@testable import RegularsContent

/// A shop that imported orders but no product catalog (online-retail's shape): every SKU it sold may be
/// featured; once a catalog exists, only what is in it.
@Suite("Content for a shop without a product catalog")
struct OrdersOnlyShopTests {
    static func snapshot(withCatalog: Bool) -> Snapshot {
        var builder = SnapshotBuilder(asOf: Date(timeIntervalSince1970: 1_700_100_000))
        if withCatalog { builder.add(product: Product(sku: "MUG", title: "Mug", price: Money(parsing: "8.00"))) }
        for (k, sku) in ["MUG", "TEAPOT"].enumerated() {
            builder.add(
                line: SnapshotBuilder.Line(
                    orderID: "o\(k)", customerID: "c\(k)", orderedAt: 1_700_000_000, sku: sku, productName: sku,
                    quantity: 1, unitPrice: 80_000))
        }
        return builder.build()
    }

    @Test("products known only from orders are featured, titled and briefed when there is no catalog")
    func ordersOnly() {
        let catalog = CatalogFacts(snapshot: Self.snapshot(withCatalog: false), voice: BrandVoice(), handles: [:])
        #expect(catalog.featured(sku: "TEAPOT", reason: "Popular") != nil)
        #expect(catalog.titles == ["MUG", "TEAPOT"])
        let brief = CatalogBrief.make(snapshot: Self.snapshot(withCatalog: false), voice: BrandVoice())
        #expect(brief.categories.map(\.products).reduce(0, +) == 2)
    }

    @Test("with a catalog, a SKU missing from it is never featured")
    func withCatalog() {
        let catalog = CatalogFacts(snapshot: Self.snapshot(withCatalog: true), voice: BrandVoice(), handles: [:])
        #expect(catalog.featured(sku: "MUG", reason: "Popular") != nil)
        #expect(catalog.featured(sku: "TEAPOT", reason: "Popular") == nil)
        #expect(catalog.titles == ["Mug"])
    }
}
