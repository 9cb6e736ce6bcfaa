import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@Suite("Erasure, opt-out and sensitive categories")
struct ErasureTests {
    @Test("forget removes the customer's orders and lines, and a re-import does not bring them back")
    func forgetGeneric() throws {
        let store = try TemporaryStore.make()
        let orders = Fixtures.file("generic/orders.csv")
        _ = try Importer.importOrders(from: orders, format: .generic, into: store)
        let report = try store.forget(customer: "c-1", at: Fixtures.day("2024-06-01"))
        #expect(report.customerFound)
        #expect(report.ordersRemoved == 2)
        #expect(report.linesRemoved == 3)
        #expect(try store.statistics().orders == 1)
        let again = try Importer.importOrders(from: orders, format: .generic, into: store)
        #expect(again.skipped["erased customer"] == 3)
        let snapshot = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        #expect(snapshot.customerIndexByID["c-1"] == nil)
        #expect(snapshot.orderCount == 1)
    }

    @Test("forget by e-mail erases a Shopify customer and suppresses their e-mail on re-import")
    func forgetShopify() throws {
        let store = try TemporaryStore.make()
        let export = Fixtures.file("shopify/orders_export.csv")
        _ = try Importer.importOrders(from: export, format: .shopify, into: store)
        let before = try store.statistics()
        let snapshot = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        let someone = try #require(snapshot.customers.first { $0.email != nil })
        let report = try store.forget(customer: someone.email!.uppercased(), at: Fixtures.day("2025-06-01"))
        #expect(report.customerFound)
        _ = try Importer.importOrders(from: export, format: .shopify, into: store)
        let after = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        #expect(after.customerIndexByID[someone.id] == nil)
        #expect(!after.customers.contains { $0.email?.lowercased() == someone.email!.lowercased() })
        #expect(try store.statistics().orders == before.orders - report.ordersRemoved)
    }

    @Test("the suppression list holds only salted hashes, never the id or e-mail")
    func hashesOnly() throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("s.sqlite").path
        let store = try SQLiteStore(path: path)
        _ = try Importer.importOrders(from: Fixtures.file("generic/orders.csv"), format: .generic, into: store)
        _ = try store.forget(customer: "c-1", at: Fixtures.day("2024-06-01"))
        let a = Suppression(salt: "one").hash("email", "ana@example.com")
        let b = Suppression(salt: "two").hash("email", "ana@example.com")
        #expect(a != b)
        #expect(a == Suppression(salt: "one").hash("email", " ANA@example.com "))
        #expect(a.count == 64)
    }

    @Test("an opt-out survives a re-import of the same customer")
    func optOutPersists() throws {
        let store = try TemporaryStore.make()
        let orders = Fixtures.file("generic/orders.csv")
        _ = try Importer.importOrders(from: orders, format: .generic, into: store)
        #expect(try store.optOut(customer: "c-2") == "c-2")
        #expect(try store.optOut(customer: "nobody") == nil)
        #expect(try store.optedOutCustomers() == ["c-2"])
        _ = try Importer.importOrders(from: orders, format: .generic, into: store)
        let snapshot = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        #expect(snapshot.customers[Int(snapshot.customerIndexByID["c-2"]!)].optedOut)
        #expect(!snapshot.customers[Int(snapshot.customerIndexByID["c-1"]!)].optedOut)
    }

    @Test("marking a category sensitive flags its products and the flag survives a catalog re-import")
    func sensitiveCategory() throws {
        let store = try TemporaryStore.make()
        let products = Fixtures.file("generic/products.csv")
        _ = try Importer.importProducts(from: products, format: .generic, into: store)
        #expect(try store.markSensitive(category: "Cookware") == 1)
        _ = try Importer.importProducts(from: products, format: .generic, into: store)
        let snapshot = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        #expect(snapshot.products.allSatisfy { $0.sensitive })
    }
}
