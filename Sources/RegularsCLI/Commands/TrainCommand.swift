import ArgumentParser
import Foundation
import RegularsData
import RegularsRecommend
import RegularsShop

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train every model on the orders in the store and save them as the next model version.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let shop = try global.openShop()
        let now = try global.asOf(shop)
        let outcome: ModelTraining.Outcome
        do {
            outcome = try shop.train(asOf: now)
        } catch let failure as ModelTraining.Failure {
            throw ValidationError(failure.description)
        }
        let summary = TrainSummary(
            version: outcome.version, file: outcome.file, asOf: Timestamp.iso(Int64(now.timeIntervalSince1970)),
            customers: outcome.customers, products: outcome.products, orders: outcome.orders,
            trainingSeconds: outcome.trainingSeconds)
        if global.json {
            print(try Output.json(summary))
        } else {
            print(
                "Trained model version \(summary.version) on \(summary.orders) orders of "
                    + "\(summary.customers) customers (\(summary.products) products) as of \(summary.asOf)"
            )
            for (name, seconds) in summary.trainingSeconds.sorted(by: { $0.key < $1.key }) {
                print(String(format: "  %-14@ %.3f s", name as NSString, seconds))
            }
            print("Saved to \(summary.file)")
        }
    }

    struct TrainSummary: Encodable {
        var version: Int
        var file: String
        var asOf: String
        var customers, products, orders: Int
        var trainingSeconds: [String: Double]
    }
}
