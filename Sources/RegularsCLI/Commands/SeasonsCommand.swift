import ArgumentParser
import Foundation
import RegularsContent
import RegularsData
import RegularsRecommend
import RegularsSegments
import RegularsShop

struct SeasonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seasons",
        abstract: "Seasonal products (\"Popular every December\") and the customers who buy mainly in one season.",
        discussion: """
            A product is seasonal when at least a quarter of its orders (corrected for how often the history covers \
            each month) fall in one month and half in the three months around it; it needs a year of history and \
            twelve orders. "Every" means its month sold in every year the history covers, two at least. Seasonal \
            products are a candidate source (`seasonal`) of the home page and the win-back and loyal e-mails in \
            their month and the month before. Customers with most of two or more order days in one season are \
            that season's: `regulars campaign --segment lapsed --season summer` writes to them.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "How many seasonal products to list per month.")
    var show = 5

    struct Report: Encodable {
        struct Product: Encodable {
            var sku: String
            var title: String
            var month: Int
            var share: Double
            var reason: String
        }
        var products: [Product]
        var customers: [String: Int]
    }

    func run() throws {
        let shop = try global.openShop()
        let asOf = try global.asOf(shop)
        let inputs = try ContentInputs.load(shop, asOf: asOf)
        let recommender = inputs.recommender
        let products = recommender.seasons.all.map { profile in
            let product = recommender.models.snapshot.products[Int(profile.product)]
            return Report.Product(
                sku: product.sku, title: product.title, month: profile.month,
                share: (Double(profile.share) * 1000).rounded() / 1000,
                reason: ReasonBuilder(snapshot: recommender.models.snapshot).text(
                    for: .seasonal(month: profile.month, recurring: profile.recurring), product: profile.product))
        }
        let customers = inputs.predictions.seasonCounts
        let report = Report(products: products, customers: customers)
        if global.json {
            print(try Output.json(report))
            return
        }
        var lines = ["Seasonal products: \(products.count)"]
        for month in 1...12 {
            let peaking = products.filter { $0.month == month }
            guard !peaking.isEmpty else { continue }
            lines.append("  \(ReasonBuilder.months[month - 1]): \(peaking.count)")
            for product in peaking.prefix(show) {
                lines.append(
                    "    \(product.title) (\(product.sku)): \(Int((product.share * 100).rounded())) % of its orders; "
                        + product.reason)
            }
        }
        lines.append(
            "Customers who buy mainly in one season: "
                + Season.allCases.map { "\($0.rawValue) \(customers[$0.rawValue] ?? 0)" }.joined(separator: ", "))
        print(lines.joined(separator: "\n"))
    }
}
