import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@Suite("Erasure, opt-out and sensitive categories")
struct ErasureTests {
    @Test("suppression hashes are the same hex strings as ever: lists written by earlier versions still match")
    func hashesKnownAnswers() {
        // Computed with Python's hmac and hashlib: HMAC-SHA256 and the first version's SHA-256, lower-case hex.
        let suppression = Suppression(secret: "store-secret")
        #expect(suppression.hash("id", " C-1 ") == "4be4b9657a9400da2eda7b73c311c25fab002783ef9b29fb81f241f45d5b387d")
        let lookup = suppression.lookupHashes(customerID: "c-1", email: "Ana@Example.com")
        #expect(lookup.count == 4)
        #expect(lookup.last == "d45a071983b5770e0ecfeaffacc261a56103c10e1cac6cd7a1aa662187d2c096")
    }

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

    @Test("the suppression list holds HMAC-SHA256 under the store's secret, never the id or e-mail")
    func hashesOnly() throws {
        // Python: hmac.new(b"one", b"email|ana@example.com", hashlib.sha256).hexdigest()
        let a = Suppression(secret: "one").hash("email", "ana@example.com")
        #expect(a == "e1b63b9e7e036466d43e0620d261604d2c127db02cb5a01e75a2b47cf74b98f9")
        #expect(a != Suppression(secret: "two").hash("email", "ana@example.com"))
        #expect(a == Suppression(secret: "one").hash("email", " ANA@example.com "))
        let folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("s.sqlite").path
        let store = try SQLiteStore(path: path)
        _ = try Importer.importOrders(from: Fixtures.file("generic/orders.csv"), format: .generic, into: store)
        _ = try store.forget(customer: "c-1", at: Fixtures.day("2024-06-01"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.range(of: Data("c-1,".utf8)) == nil)
        #expect(try store.erasedCustomers(among: ["c-1", "c-2"]) == ["c-1"])
    }

    @Test("erasing or opting out by e-mail reaches every record with that e-mail")
    func everyRecordOfAnEmail() throws {
        let store = try TemporaryStore.make()
        try store.write { writer in
            for (id, email) in [("a-1", "Ana@Example.com"), ("a-2", "ana@example.com"), ("b-1", "bo@example.com")] {
                try writer.upsert(customer: Customer(id: id, email: email, firstName: "Ana", acceptsMarketing: true))
            }
        }
        #expect(try store.optOut(customer: "ANA@example.com") == "a-1")
        #expect(try store.optedOutCustomers() == ["a-1", "a-2"])
        let who = try store.personalIdentifiers(of: "ana@example.com")
        #expect(who.ids == ["ana@example.com", "a-1", "a-2"])
        let report = try store.forget(customer: "ana@example.com", at: Fixtures.day("2025-01-01"))
        #expect(report.customerIDs == ["a-1", "a-2"])
        #expect(try store.statistics().customers == 1)
        #expect(try store.erasedCustomers(among: ["a-1", "a-2", "b-1"]) == ["a-1", "a-2"])
    }

    @Test("event ids are scoped by the sender's key; an erased customer's events are taken and dropped")
    func eventScopes() throws {
        let store = try TemporaryStore.make()
        let at = Fixtures.day("2025-01-01")
        let event = ShopEvent(id: "e1", kind: .productView, at: 1_700_000_000, customerID: "c-9", sku: "S")
        #expect(try store.record(events: [event], receivedAt: at, scope: "widget") == 1)
        #expect(try store.record(events: [event], receivedAt: at, scope: "widget") == 0)
        // Another key cannot squat the id, nor be squatted.
        #expect(try store.record(events: [event], receivedAt: at, scope: "backend") == 1)
        #expect(try store.eventCount() == 2)
        #expect(Set(try store.events(ofCustomer: "c-9").map(\.id)).count == 2)
        _ = try store.forget(customer: "c-9", at: at)
        var late = event
        late.id = "e2"
        #expect(try store.record(events: [late], receivedAt: at, scope: "widget") == 1)
        #expect(try store.eventCount() == 0)
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

    @Test(
        "marking a category sensitive flags its products and the flag survives a catalog re-import",
        arguments: StoreKind.available)
    func sensitiveCategory(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        let products = Fixtures.file("generic/products.csv")
        _ = try Importer.importProducts(from: products, format: .generic, into: store)
        #expect(try store.markSensitive(category: "Cookware") == 1)
        _ = try Importer.importProducts(from: products, format: .generic, into: store)
        let snapshot = try store.snapshot(asOf: Fixtures.day("2030-01-01"))
        #expect(snapshot.products.allSatisfy { $0.sensitive })
    }
}
