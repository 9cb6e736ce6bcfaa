import ArgumentParser
import Foundation
import RegularsData

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show the data-quality report: counts, dates, and what the data is ready for.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore()
        let quality = DataQualityReport(statistics: try store.statistics(), lastImport: try store.lastImport())
        print(global.json ? try Output.json(StatsJSON(quality)) : quality.text)
    }
}

/// `stats --json`: the keys scripts rely on, flat, with ISO dates.
struct StatsJSON: Encodable {
    var customers, products, catalogProducts, orders, orderLines, distinctSkus: Int
    var firstOrderAt, lastOrderAt: String?
    var ordersPerMonth: [String: Int]
    var linesWithoutProductRecord, guestOrders, duplicateLines: Int
    var customersByOrders: [String: Int]
    var lastImport: ImportReport?
    var readiness: [DataQualityReport.Readiness]

    init(_ report: DataQualityReport) {
        let s = report.statistics
        customers = s.customers
        products = s.products
        catalogProducts = s.catalogProducts
        orders = s.orders
        orderLines = s.orderLines
        distinctSkus = s.distinctSKUsInOrders
        firstOrderAt = s.firstOrderAt.map(Timestamp.iso)
        lastOrderAt = s.lastOrderAt.map(Timestamp.iso)
        ordersPerMonth = s.ordersPerMonth
        linesWithoutProductRecord = s.linesWithoutProductRecord
        guestOrders = s.guestOrders
        duplicateLines = s.duplicateLines
        customersByOrders = [
            "1": s.customersWithOneOrder, "2": s.customersWithTwoOrders, "3+": s.customersWithThreeOrMore,
        ]
        lastImport = report.lastImport
        readiness = report.readiness
    }
}
