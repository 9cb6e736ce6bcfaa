import ArgumentParser
import Foundation
import RegularsContent
import RegularsData
import RegularsShop

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "A clienteling brief for a sales associate: history, segment, predicted value, openers and picks.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The customer's id.")
    var customer: String

    func run() throws {
        let shop = try global.openShop()
        let asOf = try global.asOf(shop)
        let inputs = try ContentInputs.load(shop, asOf: asOf)
        guard let index = inputs.snapshot.customerIndexByID[customer],
            let prediction = inputs.predictions.prediction(for: customer)
        else {
            throw ValidationError("no customer '\(customer)' with orders in \(global.storeName)")
        }
        let brief = ClientelingBrief.make(
            customer: index, snapshot: inputs.snapshot, prediction: prediction, recommender: inputs.recommender,
            voice: inputs.voice, asOf: asOf, stated: inputs.preferences[customer])
        print(global.json ? try Output.json(brief) : brief.text)
    }
}
