import Foundation
import RegularsData

@testable import RegularsRecommend

/// The demo shop's trained models and a few of its customers, for the placement tests.
enum PlacementFixtures {
    /// Every model trained on the demo snapshot (trained once per test run).
    static let models: ModelSet = ModelSet.train(
        on: ExplainableFixtures.demoSnapshot, trainedAt: Date(timeIntervalSince1970: 0))

    static var snapshot: Snapshot { models.snapshot }

    static func product(_ sku: SKU) -> ProductIndex { snapshot.productIndexBySKU[sku]! }

    static func category(of sku: SKU) -> String {
        let c = Int(snapshot.products[Int(product(sku))].category)
        return c >= 0 ? snapshot.categories[c] : ""
    }

    static func isSensitive(_ sku: SKU) -> Bool { snapshot.products[Int(product(sku))].sensitive }

    /// Customers (ids) who bought `sku`, most orders first.
    static func buyers(of sku: SKU) -> [CustomerID] {
        let p = product(sku)
        var out: [(CustomerID, Int)] = []
        for c in 0..<Int32(snapshot.customerCount) {
            let lines = snapshot.lines(ofCustomer: c)
            if lines.contains(where: { snapshot.lineProduct[$0] == p }) {
                out.append((snapshot.customers[Int(c)].id, snapshot.orders(of: c).count))
            }
        }
        return out.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    /// Customers with the most orders, most first.
    static let busiestCustomers: [CustomerID] = (0..<Int32(snapshot.customerCount))
        .sorted { snapshot.orders(of: $0).count > snapshot.orders(of: $1).count }
        .prefix(50).map { snapshot.customers[Int($0)].id }

    /// Customers who bought a sensitive item.
    static let sensitiveBuyers: [CustomerID] = (0..<Int32(snapshot.customerCount)).filter { c in
        snapshot.lines(ofCustomer: c).contains { snapshot.products[Int(snapshot.lineProduct[$0])].sensitive }
    }.map { snapshot.customers[Int($0)].id }

    /// The models with `id` opted out of personalization.
    static func optingOut(_ id: CustomerID) -> ModelSet {
        var copy = models
        let s = copy.snapshot
        var customers = s.customers
        customers[Int(s.customerIndexByID[id]!)].optedOut = true
        copy.snapshot = Snapshot(
            asOf: s.asOf, customers: customers, customerIndexByID: s.customerIndexByID, products: s.products,
            productIndexBySKU: s.productIndexBySKU, categories: s.categories, orderIDs: s.orderIDs,
            orderCustomer: s.orderCustomer, orderTime: s.orderTime, orderTotal: s.orderTotal,
            customerOrderStart: s.customerOrderStart, orderLineStart: s.orderLineStart, lineProduct: s.lineProduct,
            lineQuantity: s.lineQuantity, lineUnitPrice: s.lineUnitPrice, lineOrder: s.lineOrder)
        return copy
    }

    static func list(_ request: RecommendationRequest, rules: MerchandisingRules = .init()) throws -> RecommendationList
    {
        try Recommender(models: models, rules: rules).recommend(request)
    }
}
