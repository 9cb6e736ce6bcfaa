import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@Suite("Importing Shopify exports")
struct ShopifyImportTests {
    @Test(
        "orders export: skips cancelled and refunded orders, keeps guests, falls back to the line name for SKU",
        arguments: StoreKind.available)
    func ordersExport(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        let report = try Importer.importOrders(
            from: Fixtures.file("shopify/orders_export.csv"), format: .shopify, into: store)
        #expect(report.skippedOrders["cancelled"] == 1)
        #expect(report.skippedOrders["refunded"] == 1)
        #expect(report.rejectedCount == 0)
        let snapshot = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        #expect(snapshot.orderCount == report.orders)
        #expect(snapshot.customers.contains { $0.id.hasPrefix("guest-") })
        #expect(snapshot.productIndexBySKU["Gift wrapping"] != nil)
        #expect(!snapshot.customers.contains { $0.id.contains("@") })
        let withEmail = snapshot.customers.filter { $0.email != nil }
        #expect(withEmail.allSatisfy { $0.id == StableID.customer(email: $0.email!) })
    }

    @Test("an older export with fewer columns imports by column name", arguments: StoreKind.available)
    func legacyOrders(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        let report = try Importer.importOrders(
            from: Fixtures.file("shopify/orders_export_legacy.csv"), format: .shopify, into: store)
        #expect(report.rejectedCount == 0)
        #expect(report.rowsImported > 0)
        #expect(try store.statistics().orders == report.orders)
    }

    @Test("the same customer's e-mail maps to one id across both exports", arguments: StoreKind.available)
    func stableCustomerIDs(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        _ = try Importer.importOrders(from: Fixtures.file("shopify/orders_export.csv"), format: .shopify, into: store)
        let before = try store.statistics().customers
        _ = try Importer.importOrders(from: Fixtures.file("shopify/orders_export.csv"), format: .shopify, into: store)
        #expect(try store.statistics().customers == before)
    }

    @Test(
        "products export, both header generations: one product per variant, image rows skipped",
        arguments: [
            "shopify/products_export_legacy.csv", "shopify/products_export_current.csv",
        ])
    func productsExport(file: String) throws {
        let store = try TemporaryStore.make()
        let report = try Importer.importProducts(from: Fixtures.file(file), format: .shopify, into: store)
        #expect(report.rejectedCount == 0)
        #expect((report.skipped["image row"] ?? 0) > 0)
        let snapshot = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        #expect(snapshot.productCount == report.products)
        let skillet = try #require(snapshot.productIndexBySKU["LODGE-L8SK3"])
        let product = snapshot.products[Int(skillet)]
        #expect(product.title.contains("Skillet"))
        #expect(product.price != nil)
        #expect(product.category >= 0)
        #expect(snapshot.products.contains { $0.status == "draft" })
    }

    @Test("both product header generations describe the same catalog the same way")
    func generationsAgree() throws {
        let legacy = try TemporaryStore.make()
        let current = try TemporaryStore.make()
        _ = try Importer.importProducts(
            from: Fixtures.file("shopify/products_export_legacy.csv"), format: .shopify, into: legacy)
        _ = try Importer.importProducts(
            from: Fixtures.file("shopify/products_export_current.csv"), format: .shopify, into: current)
        let a = try legacy.snapshot(asOf: Fixtures.day("2030-01-01")).products.map {
            [$0.sku, $0.price?.description ?? ""]
        }
        let b = try current.snapshot(asOf: Fixtures.day("2030-01-01")).products.map {
            [$0.sku, $0.price?.description ?? ""]
        }
        #expect(a.sorted { $0[0] < $1[0] } == b.sorted { $0[0] < $1[0] })
    }

    @Test("format detection tells Shopify exports from the generic format")
    func detection() throws {
        #expect(try Importer.detectFormat(of: Fixtures.file("shopify/orders_export.csv")) == .shopify)
        #expect(try Importer.detectFormat(of: Fixtures.file("shopify/products_export_current.csv")) == .shopify)
        #expect(try Importer.detectFormat(of: Fixtures.file("generic/orders.csv")) == .generic)
    }

    @Test("generic products: tags, costs, stock and the sensitive flag", arguments: StoreKind.available)
    func genericProducts(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        let report = try Importer.importProducts(
            from: Fixtures.file("generic/products.csv"), format: .generic, into: store)
        #expect(report.products == 2)
        let snapshot = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        let kit = snapshot.products[Int(snapshot.productIndexBySKU["TEST-KIT"]!)]
        #expect(kit.sensitive)
        #expect(kit.inventory == 0)
        let skillet = snapshot.products[Int(snapshot.productIndexBySKU["SKILLET"]!)]
        #expect(skillet.tags == ["cast iron", "bestseller"])
        #expect(skillet.cost == Money(parsing: "12.00"))
        #expect(try store.statistics().sensitiveProducts == 1)
    }
}
