import ArgumentParser
import Foundation
import RegularsData
import RegularsRecommend
import RegularsShop

extension BenchCommand {
    struct RecommendBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recommend",
            abstract: "Time the recommend path (models already loaded): p50/p99 per placement on the store's models.",
            discussion: """
                Needs trained models (`regulars train --store S`). Requests are a seeded mix per placement: a known \
                customer with their last order as the cart and one of its products as the viewed product, or an \
                anonymous visitor with three session views.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Requests per placement.")
        var requests = 2_000
        @Option(help: "Recommendations per request.")
        var n = 10

        func run() throws {
            let clock = ContinuousClock()
            var loaded: (set: ModelSet, version: Int)?
            let loadTime = try clock.measure { loaded = try global.openShop().latestModels() }
            let models = loaded!.set
            let rules = try MerchandisingRules.load(from: MerchandisingRules.fileURL(storePath: global.storePath))
            var recommender: Recommender?
            let buildTime = clock.measure { recommender = Recommender(models: models, rules: rules) }
            let snapshot = models.snapshot
            guard snapshot.customerCount > 0, snapshot.productCount > 0 else {
                throw ValidationError("the models hold no customers or products")
            }
            var random = SeededRandom(seed: 17)
            var all: [Double] = []
            var rows: [Row] = []
            var checksum = 0
            for placement in Placement.allCases {
                var times: [Double] = []
                times.reserveCapacity(requests)
                for k in 0..<requests {
                    let request = Self.request(
                        placement, anonymous: k % 4 == 3, n: n, snapshot: snapshot, random: &random)
                    let start = clock.now
                    let list = try recommender!.recommend(request)
                    times.append((clock.now - start).seconds * 1e6)
                    checksum &+= list.items.count
                }
                all += times
                rows.append(Row(placement: placement.rawValue, times))
            }
            let result = Result(
                store: global.storePath, modelVersion: loaded!.version, customers: snapshot.customerCount,
                products: snapshot.productCount, orders: snapshot.orderCount, loadSeconds: loadTime.seconds,
                recommenderBuildMilliseconds: buildTime.seconds * 1000, overall: Row(placement: "all", all),
                placements: rows, itemsReturned: checksum)
            if global.json {
                print(try Output.json(result))
                return
            }
            print(
                "Recommend path on \(global.storePath): \(snapshot.customerCount) customers, \(snapshot.productCount) products, \(snapshot.orderCount) orders"
            )
            print(
                String(
                    format: "  model file loaded in %.2f s; recommender built in %.1f ms", result.loadSeconds,
                    result.recommenderBuildMilliseconds))
            for row in rows + [result.overall] {
                let name = RecommendCommand.pad(row.placement, 20)
                print(
                    "  " + name
                        + String(
                            format: " p50 %7.1f µs   p99 %7.1f µs   mean %7.1f µs   (%d requests)",
                            row.p50Microseconds, row.p99Microseconds, row.meanMicroseconds, row.requests))
            }
        }

        /// A seeded request for `placement`: a customer with their last order as cart and context, or an anonymous
        /// visitor with three session views.
        static func request(
            _ placement: Placement, anonymous: Bool, n: Int, snapshot: Snapshot, random: inout SeededRandom
        ) -> RecommendationRequest {
            let customer = CustomerIndex(random.next() % UInt64(snapshot.customerCount))
            let orders = snapshot.orders(of: customer)
            let lastOrder =
                orders.isEmpty
                ? []
                : snapshot.lines(of: orders.upperBound - 1).map {
                    snapshot.products[Int(snapshot.lineProduct[$0])].sku
                }
            let randomSKU = { (random: inout SeededRandom) in
                snapshot.products[Int(random.next() % UInt64(snapshot.productCount))].sku
            }
            var request = RecommendationRequest(placement: placement, limit: n)
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

        struct Row: Encodable {
            var placement: String
            var requests: Int
            var p50Microseconds, p99Microseconds, meanMicroseconds, maxMicroseconds: Double

            init(placement: String, _ times: [Double]) {
                let sorted = times.sorted()
                func quantile(_ q: Double) -> Double {
                    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.down)))]
                }
                self.placement = placement
                requests = times.count
                p50Microseconds = quantile(0.5)
                p99Microseconds = quantile(0.99)
                meanMicroseconds = times.isEmpty ? 0 : times.reduce(0, +) / Double(times.count)
                maxMicroseconds = sorted.last ?? 0
            }
        }

        struct Result: Encodable {
            var store: String
            var modelVersion: Int
            var customers, products, orders: Int
            var loadSeconds: Double
            var recommenderBuildMilliseconds: Double
            var overall: Row
            var placements: [Row]
            var itemsReturned: Int
        }
    }
}
