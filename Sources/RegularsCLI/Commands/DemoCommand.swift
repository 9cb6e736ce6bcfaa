import ArgumentParser
import Foundation
import RegularsData

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Build a demo home-goods shop, import it into a fresh store and show what Regulars sees.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Where to write the demo shop's Shopify-shaped CSV exports.")
    var out = "regulars-demo"

    func run() throws {
        throw ValidationError("demo: not wired yet")
    }
}
