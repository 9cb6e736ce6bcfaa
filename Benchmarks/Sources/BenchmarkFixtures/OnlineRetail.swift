import Foundation
import RegularsData
import RegularsRecommend
import RegularsTestSupport

/// The online-retail data set (`../shared/data/online-retail.csv.gz`) imported once per benchmark process
/// into a store in a temporary folder, with its snapshot and trained models: the setup of every benchmark
/// that needs a real shop, kept out of what they measure.
public final class OnlineRetail: Sendable {
    /// The day the demo and the load test pretend it is: just after the data ends.
    public static let asOf = Fixtures.day("2011-12-10")

    /// Made on first use (a static `let` is initialised once, thread-safely).
    public static let shared: OnlineRetail = {
        do { return try OnlineRetail() } catch { fatalError("cannot prepare online-retail: \(error)") }
    }()

    public let storePath: String
    public let store: SQLiteStore
    public let snapshot: Snapshot
    public let models: ModelSet

    private init() throws {
        let folder = try Fixtures.temporaryDirectory()
        storePath = folder.appendingPathComponent("online-retail.sqlite").path
        store = try SQLiteStore(path: storePath)
        _ = try Importer.importOrders(
            from: Fixtures.sharedData("online-retail.csv.gz"), format: .generic, into: store)
        snapshot = try store.snapshot(asOf: Self.asOf)
        models = ModelSet.train(on: snapshot, trainedAt: Self.asOf)
        // Saved beside the store, where the server's model registry looks for them.
        _ = try ModelDirectory(storePath: storePath).save(models)
    }

    /// `count` seeded requests spread over every placement: a known customer with their last order as the
    /// cart and one of its products as the viewed product, or (one in four) an anonymous visitor with three
    /// session views.
    public func requests(_ count: Int, limit: Int = 10, seed: UInt64 = 17) -> [RecommendationRequest] {
        var random = SeededRandom(seed: seed)
        let placements = Placement.allCases
        return (0..<count).map { k in
            request(placements[k % placements.count], anonymous: k % 4 == 3, limit: limit, random: &random)
        }
    }

    private func request(
        _ placement: Placement, anonymous: Bool, limit: Int, random: inout SeededRandom
    ) -> RecommendationRequest {
        let customer = CustomerIndex(random.next() % UInt64(snapshot.customerCount))
        let orders = snapshot.orders(of: customer)
        let lastOrder =
            orders.isEmpty
            ? []
            : snapshot.lines(of: orders.upperBound - 1).map { snapshot.products[Int(snapshot.lineProduct[$0])].sku }
        let randomSKU = { (random: inout SeededRandom) in
            self.snapshot.products[Int(random.next() % UInt64(self.snapshot.productCount))].sku
        }
        var request = RecommendationRequest(placement: placement, limit: limit)
        if anonymous && !placement.isEmail {
            let first = randomSKU(&random)
            request.session = [first, randomSKU(&random), randomSKU(&random)]
            request.product = placement == .product ? first : nil
        } else {
            request.customer = snapshot.customers[Int(customer)].id
            if placement == .cart || placement == .checkout { request.cart = Array(lastOrder.prefix(3)) }
            if placement == .product { request.product = lastOrder.first ?? randomSKU(&random) }
        }
        return request
    }
}
