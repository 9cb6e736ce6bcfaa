import ArgumentParser
import Foundation
import RegularsContent
import RegularsData
import RegularsDemo
import RegularsRecommend
import RegularsSegments

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo home-goods shop, import it into a fresh store and show what Regulars sees.",
        discussion: """
            Writes Shopify-shaped exports (orders_export.csv, products_export.csv) to --out, imports them into a \
            fresh store (default ./regulars-demo.sqlite, replaced each run) and prints the data-quality report. \
            The shop is seeded: every run prints the same thing.
            """)
    @OptionGroup var global: OutputOptions
    @Option(help: "Where to write the demo shop's CSV exports.")
    var out = "regulars-demo"
    @Option(help: "The demo's random seed.")
    var seed: UInt64 = DemoShop.Settings().seed

    func run() async throws {
        var settings = DemoShop.Settings()
        settings.seed = seed
        let shop = DemoShop.generate(settings: settings)
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try shop.write(to: folder)

        let storePath = global.store ?? ProcessInfo.processInfo.environment["REGULARS_STORE"] ?? "regulars-demo.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
        let store = try SQLiteStore(path: storePath)
        // The demo wrote its orders export itself: erasure cleans it like any file the product wrote.
        try store.record(
            writtenFile: WrittenFile(path: folder.appendingPathComponent("orders_export.csv").path, kind: .demoExport))
        let products = try Importer.importProducts(
            from: folder.appendingPathComponent("products_export.csv"), displayName: "\(out)/products_export.csv",
            format: .shopify, into: store)
        let orders = try Importer.importOrders(
            from: folder.appendingPathComponent("orders_export.csv"), displayName: "\(out)/orders_export.csv",
            format: .shopify, into: store)
        let quality = DataQualityReport(statistics: try store.statistics(), lastImport: orders)
        // The demo's "today" is the day after its last orders, so its output never changes.
        let asOf = SummaryBuilder.endOfDay(settings.lastDay)
        let snapshot = try store.snapshot(asOf: asOf)
        let predictions = PredictionReport.make(snapshot: snapshot, asOf: asOf)
        // Train and save the models so `recommend` and `serve` work on the demo store straight away.
        let models = ModelSet.train(on: snapshot, trainedAt: asOf)
        let directory = ModelDirectory(storePath: storePath)
        try directory.removeAll()
        let modelVersion = try directory.save(models)
        let atRisk = predictions.customers.filter { $0.segments.contains(.atRisk) }
            .sorted { ($0.predictedCLV ?? $0.totalSpend) > ($1.predictedCLV ?? $1.totalSpend) }.prefix(3)
        let campaign = try await DemoCampaign.write(
            storePath: storePath, snapshot: snapshot, predictions: predictions, models: models, asOf: asOf)
        if global.json {
            print(
                try Output.json(
                    DemoJSON(
                        store: storePath, exports: folder.path, productsImport: products, report: StatsJSON(quality))))
            return
        }
        print(
            "Demo shop: \(shop.customers.count) customers, \(shop.products.count) products, "
                + "\(shop.orders.count) orders over two years to "
                + "\(Timestamp.isoDay(Int64(settings.lastDay.timeIntervalSince1970)))"
        )
        print("Exports written to \(out)/ (Shopify format); store: \(storePath)")
        print(
            "Products import: \(products.rowsImported) variants, "
                + "\(products.skipped["image row"] ?? 0) image rows skipped"
        )
        print("")
        print(quality.text)
        print("")
        print(
            "Segments (a customer can be in several; primary by priority lost > lapsed > at risk > new > "
                + "high spender > loyal > gift buyer > active):"
        )
        for count in predictions.segmentCounts {
            print(
                "  \(count.segment.title.padding(toLength: 13, withPad: " ", startingAt: 0)) "
                    + "\(count.members) members, \(count.primary) primary"
            )
        }
        print("")
        print("Most valuable customers at risk (worth a personal note):")
        for customer in atRisk {
            let clv = customer.predictedCLV.map { "predicted 12-month value \($0)" } ?? "spent \(customer.totalSpend)"
            let alive = customer.probabilityAlive.map { String(format: "P(alive) %.2f", $0) } ?? ""
            print(
                "  \(customer.customerID): \(customer.orders) orders, last \(customer.daysSinceLastOrder) days ago, "
                    + "\(alive), \(clv)"
            )
        }
        print("")
        print(
            "Models trained on \(snapshot.orderCount) orders and saved as version \(modelVersion) in "
                + "\(directory.url.lastPathComponent)/."
        )
        print("What each placement would show, with its reason:")
        print(DemoPlacements.showcase(models: models, rules: MerchandisingRules()))
        print("")
        print(campaign.text)
        print("")
        print("Next: REGULARS_STORE=\(storePath) regulars stats")
        print(
            "      regulars --store \(storePath) --as-of "
                + "\(Timestamp.isoDay(Int64(settings.lastDay.timeIntervalSince1970))) serve   "
                + "# the API, widget and dashboard on http://127.0.0.1:8080"
        )
    }

    struct DemoJSON: Encodable {
        var store: String
        var exports: String
        var productsImport: ImportReport
        var report: StatsJSON
    }
}
