import ArgumentParser
import Foundation
import RegularsData
import RegularsSegments
import RegularsShop

struct SegmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Lifecycle segments (new, active, loyal, high spender, gift buyer, at risk, lapsed, lost) and RFM.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "A JSON file with segment definitions to override (e.g. {\"lapsed_after_days\": 120}).")
    var definitions: String?
    @Option(help: "How many months of segment sizes to show.")
    var months = 12

    func run() throws {
        let shop = try global.openShop()
        let asOf = try global.asOf(shop)
        let snapshot = try shop.store.snapshot(asOf: asOf)
        let report = SegmentReport.make(
            snapshot: snapshot, asOf: asOf, settings: try PredictionSettings.load(definitions), months: months)
        print(global.json ? String(decoding: try report.json(), as: UTF8.self) : report.text)
    }
}

/// Reads the prediction and segment settings the commands share.
enum PredictionSettings {
    static func load(_ definitionsPath: String?) throws -> PredictionReport.Settings {
        var settings = PredictionReport.Settings()
        if let definitionsPath {
            do {
                settings.segments = try SegmentDefinitions.load(from: URL(fileURLWithPath: definitionsPath))
            } catch {
                throw ValidationError("\(error)")
            }
        }
        return settings
    }
}
