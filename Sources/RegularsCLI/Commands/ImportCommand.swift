import ArgumentParser
import Foundation
import RegularsData

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import orders or products from a CSV export (.csv or .csv.gz).",
        subcommands: [Orders.self, Products.self])

    struct FileOptions: ParsableArguments {
        @Argument(help: "The CSV file (.csv or .csv.gz).")
        var file: String

        @Option(help: "generic or shopify (default: detected from the header).")
        var format: ImportFormat?

        @Option(
            name: .customLong("map"), parsing: .upToNextOption,
            help: "Read our field from your column: --map sku=\"Item code\" customer_id=Email.")
        var map: [String] = []

        @Flag(
            name: .customLong("skip-invalid"),
            help: "Import the valid rows and write invalid ones with their reason to FILE.rejects.csv.")
        var skipInvalid = false
    }

    struct Orders: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import an orders export: generic or Shopify.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var file: FileOptions

        func run() throws {
            try ImportCommand.run(kind: "orders", global: global, file: file)
        }
    }

    struct Products: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a products export: generic or Shopify (both header generations).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var file: FileOptions

        func run() throws {
            try ImportCommand.run(kind: "products", global: global, file: file)
        }
    }

    static func run(kind: String, global: GlobalOptions, file: FileOptions) throws {
        let url = URL(fileURLWithPath: file.file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ValidationError("\(file.file): no such file")
        }
        let format = try file.format ?? Importer.detectFormat(of: url)
        let bar = ProgressBar(label: "importing \(url.lastPathComponent)")
        let options = ImportOptions(
            skipInvalid: file.skipInvalid, columnMap: try ImportOptions.parseMap(file.map),
            progress: { bar.update($0) })
        let store = try global.openStore()
        let report =
            kind == "orders"
            ? try Importer.importOrders(
                from: url, displayName: file.file, format: format, options: options, into: store)
            : try Importer.importProducts(
                from: url, displayName: file.file, format: format, options: options, into: store)
        let quality = DataQualityReport(statistics: try store.statistics(), lastImport: report)
        print(global.json ? try Output.json(StatsJSON(quality)) : quality.text)
    }
}

extension ImportFormat: ExpressibleByArgument {}
