import ArgumentParser
import Foundation
import RegularsData
import RegularsRecommend

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train every model on the orders in the store and save them as the next model version.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let now = try global.now()
        let store = try global.openStore()
        let snapshot = try store.snapshot(asOf: now)
        guard snapshot.orderCount > 0 else {
            throw ValidationError(
                "the store has no orders before \(Timestamp.iso(Int64(now.timeIntervalSince1970))); import some first")
        }
        let models = ModelSet.train(on: snapshot, trainedAt: Date())
        let directory = ModelDirectory(storePath: global.storePath)
        let version = try directory.save(models)
        let summary = TrainSummary(
            version: version, file: directory.file(version: version).path,
            asOf: Timestamp.iso(Int64(now.timeIntervalSince1970)),
            customers: snapshot.customerCount, products: snapshot.productCount, orders: snapshot.orderCount,
            trainingSeconds: models.trainingSeconds)
        if global.json {
            print(try Output.json(summary))
        } else {
            print(
                "Trained model version \(version) on \(summary.orders) orders of \(summary.customers) customers (\(summary.products) products) as of \(summary.asOf)"
            )
            for (name, seconds) in models.trainingSeconds.sorted(by: { $0.key < $1.key }) {
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
