import Foundation
import RegularsData
import RegularsDemo
import RegularsMeasure
import RegularsRecommend
import RegularsShop
import RegularsTestSupport
import Testing

/// A small demo shop written as a generic orders file (the benchmark's format), shared by the suite.
private let demoFile: URL = {
    var settings = DemoShop.Settings()
    settings.customerCount = 400
    let demo = DemoShop.generate(settings: settings)
    let orders = Dictionary(uniqueKeysWithValues: demo.plainOrders.map { ($0.id, $0) })
    var text = CSVWriter.line(
        ["order_id", "customer_id", "ordered_at", "sku", "product_name", "category", "quantity", "unit_price"])
    for line in demo.orderLines {
        let order = orders[line.orderID]!
        text += CSVWriter.line([
            line.orderID, order.customerID, Timestamp.iso(Int64(order.createdAt.timeIntervalSince1970)), line.sku,
            line.productName, "", String(line.quantity), line.unitPrice.description,
        ])
    }
    let url = try! Fixtures.temporaryDirectory().appendingPathComponent("orders.csv")
    try! text.write(to: url, atomically: true, encoding: .utf8)
    return url
}()

@Suite("A shop: the one as-of rule, and what it serves is what the benchmark measures", .serialized)
struct ShopTests {
    static func shop(clock: Date, asOf: Date? = nil) throws -> Shop {
        let folder = try Fixtures.temporaryDirectory()
        let shop = try Shop(storePath: folder.appendingPathComponent("shop.sqlite").path, clock: { clock }, asOf: asOf)
        _ = try Importer.importOrders(
            from: demoFile, displayName: "orders.csv", format: .generic, options: .init(), into: shop.store)
        return shop
    }

    @Test("an old history is worked on as of the day after its newest order, and every placement is full")
    func oldHistory() throws {
        let shop = try Self.shop(clock: Fixtures.day("2026-12-03"))
        let newest = try #require(try shop.store.newestOrderAt())
        let asOf = try shop.asOf()
        #expect(asOf.date == DayNumber.date(ofDay: DayNumber.day(ofSeconds: newest) + 1))
        #expect(asOf.notice?.contains(DayNumber.iso(DayNumber.day(ofSeconds: newest))) == true)
        _ = try shop.train(asOf: asOf.date)
        let recommender = try shop.recommender()
        let customer = try #require(recommender.models.snapshot.customers.first?.id)
        let sku = recommender.models.snapshot.products[0].sku
        let requests: [RecommendationRequest] = [
            .init(placement: .home, limit: 10), .init(placement: .home, customer: customer, limit: 10),
            .init(placement: .checkout, cart: [sku], limit: 10), .init(placement: .product, product: sku, limit: 10),
            .init(placement: .emailWinBack, customer: customer, limit: 4),
        ]
        for request in requests {
            let list = try recommender.recommend(
                .init(
                    placement: request.placement, customer: request.customer, product: request.product,
                    cart: request.cart, limit: request.limit, asOf: asOf.date))
            #expect(list.items.count == request.limit, "\(request.placement) answered \(list.items.count)")
        }
    }

    @Test("a recent history is worked on as of the clock; an explicit date wins over both")
    func recentHistory() throws {
        let shop = try Self.shop(clock: Fixtures.day("2026-12-03"))
        let newest = Date(timeIntervalSince1970: TimeInterval(try #require(try shop.store.newestOrderAt())))
        let soon = newest.addingTimeInterval(10 * DayNumber.interval)
        #expect(AsOf.resolve(explicit: nil, clock: soon, newestOrder: Int64(newest.timeIntervalSince1970)).date == soon)
        let pinned = Fixtures.day("2025-01-01")
        #expect(try Self.shop(clock: soon, asOf: pinned).asOf() == AsOf(date: pinned))
    }

    @Test("the benchmark's lists are the lists the shop serves: same SKUs, same order, both tracks")
    func servedIsMeasured() throws {
        let lines = try OrderLinesFile.read(from: demoFile, displayName: "orders.csv")
        let (report, serving, predictions) = try ServedEvaluation.evaluate(
            file: demoFile, displayName: "orders.csv", lines: lines)
        #expect(serving.placement == "home")
        let cutoff = try #require(Timestamp.parse(serving.asOf))
        let asOf = Date(timeIntervalSince1970: TimeInterval(cutoff))
        let shop = try Self.shop(clock: Fixtures.day("2026-12-03"), asOf: asOf)
        _ = try shop.train(asOf: try shop.asOf().date)
        let recommender = try shop.recommender()
        let snapshot = predictions.snapshot
        var compared = 0
        for track in Track.allCases {
            for (customer, measured) in try #require(predictions.lists[track]).sorted(by: { $0.key < $1.key }).prefix(
                40)
            {
                let id = snapshot.customers[Int(customer)].id
                let served = try recommender.recommend(
                    .init(placement: .home, customer: id, limit: 20, excludeOwned: track == .new, asOf: asOf))
                #expect(served.items.map(\.sku) == measured.map { snapshot.products[Int($0)].sku }, "\(track) \(id)")
                compared += 1
            }
        }
        #expect(compared == 80)
        #expect(report.tracks.allSatisfy { $0.customers > 0 })
    }
}
