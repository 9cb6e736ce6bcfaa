import ArgumentParser
import Foundation
import RegularsContent
import RegularsData
import RegularsShop

struct CatalogBriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog-brief",
        abstract: "A one-page Markdown brief of the catalog (categories, bestsellers, new arrivals, price bands).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Write the Markdown to this file instead of printing it.")
    var out: String?

    func run() throws {
        let shop = try global.openShop()
        let snapshot = try shop.store.snapshot(asOf: try global.asOf(shop))
        let voice = try shop.voice()
        let brief = CatalogBrief.make(snapshot: snapshot, voice: voice)
        if let out {
            try Data(brief.markdown.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        }
        if global.json {
            print(try Output.json(brief))
        } else if let out {
            print("Wrote \(out)")
        } else {
            print(brief.markdown, terminator: "")
        }
    }
}
