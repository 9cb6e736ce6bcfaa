import Foundation
import RegularsData
import Testing

@testable import RegularsRecommend

@Suite("Personal lists computed ahead")
struct PersonalListsTests {
    static let models = PlacementFixtures.models

    /// Customers with orders before the models' date: those the ranker has a history for.
    static let customersWithOrders: [CustomerIndex] = {
        let history = models.collaborative.context.history
        return (0..<Int32(models.snapshot.customerCount)).filter { !history.orders(of: $0).isEmpty }
    }()

    static func request(_ placement: Placement, _ customer: CustomerIndex, excludeOwned: Bool)
        -> RecommendationRequest
    {
        var request = RecommendationRequest(placement: placement, limit: 10)
        request.customer = models.snapshot.customers[Int(customer)].id
        request.excludeOwned = excludeOwned
        if placement == .cart || placement == .checkout {
            let lines = models.snapshot.lines(ofCustomer: customer)
            request.cart = lines.suffix(2).map { models.snapshot.products[Int(models.snapshot.lineProduct[$0])].sku }
        }
        return request
    }

    @Test("a list computed ahead is the one a request computes, and every placement answers the same with it")
    func sameAnswers() throws {
        let computing = Recommender(models: Self.models)
        let ahead = Recommender(models: Self.models)
        #expect(!ahead.personalLists.isReady)
        ahead.precomputePersonalLists()
        #expect(ahead.personalLists.isReady)
        #expect(ahead.personalLists.count == Self.customersWithOrders.count)
        for c in Self.customersWithOrders {
            #expect(
                ahead.personalLists.list(for: c) == Self.models.collaborative.scored(customer: c, excludeHistory: false)
            )
        }
        // Every 7th customer, every placement, with and without what they own.
        for c in Self.customersWithOrders.enumerated().filter({ $0.offset % 7 == 0 }).map(\.element) {
            for placement in Placement.allCases {
                for excludeOwned in [false, true] {
                    let request = Self.request(placement, c, excludeOwned: excludeOwned)
                    #expect(try ahead.recommend(request) == computing.recommend(request), "\(placement) \(c)")
                }
            }
        }
    }

    @Test("a budget keeps the customers with the newest orders; the others still get their lists, computed")
    func budget() throws {
        let ahead = Recommender(models: Self.models)
        ahead.precomputePersonalLists(budget: 5)
        #expect(ahead.personalLists.count == 5)
        let snapshot = Self.models.snapshot
        let history = Self.models.collaborative.context.history
        func last(_ c: CustomerIndex) -> Int64 { snapshot.orderTime[history.orders(of: c).upperBound - 1] }
        let kept = Self.customersWithOrders.filter { ahead.personalLists.list(for: $0) != nil }
        let left = Self.customersWithOrders.filter { ahead.personalLists.list(for: $0) == nil }
        #expect(kept.count == 5)
        let oldestKept = try #require(kept.map(last).min())
        #expect(left.allSatisfy { last($0) <= oldestKept })
        let computing = Recommender(models: Self.models)
        for c in left.prefix(10) {
            let request = Self.request(.home, c, excludeOwned: false)
            #expect(try ahead.recommend(request) == computing.recommend(request))
        }
    }

    /// Requests lend each other the ranker's scratches (`RankerScratchPool`): many at once on several threads must
    /// each get the list the customer gets alone.
    @Test("customers scored at the same moment on several threads get the lists they get one at a time")
    func concurrentScoring() {
        let collaborative = Self.models.collaborative
        let customers = Self.customersWithOrders
        let alone = customers.map { collaborative.scored(customer: $0, excludeHistory: false) }
        let together = Locked([[ScoredProduct]](repeating: [], count: customers.count))
        DispatchQueue.concurrentPerform(iterations: customers.count) { k in
            let list = collaborative.scored(customer: customers[k], excludeHistory: k % 3 == 0)
            together.withLock { $0[k] = list }
        }
        for k in customers.indices {
            let expected =
                k % 3 == 0 ? collaborative.scored(customer: customers[k], excludeHistory: true) : alone[k]
            #expect(together.withLock { $0[k] } == expected, "customer \(customers[k])")
        }
    }
}

/// A value behind a lock, for collecting results from concurrent work.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}
