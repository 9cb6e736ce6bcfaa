import ArgumentParser
import Foundation
import RegularsData
import RegularsRecommend
import RegularsShop

struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase a customer: record, orders and lines; later imports of old exports skip them.",
        discussion: """
            Orders are removed, not kept as anonymous aggregates: your shop platform keeps the books, and a removed \
            order cannot be re-linked to the person. Salted hashes of the id and e-mail stay on a suppression list.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customer's id (as in `regulars stats`/exports) or e-mail.")
    var customer: String

    func run() throws {
        let shop = try global.openShop()
        let receipt = try shop.erase(customer: customer)
        let retrained = try shop.retrainAfterErasure()
        if global.json {
            print(try Output.json(receipt))
            return
        }
        print(Self.text(receipt))
        if let retrained { print("Models retrained without them (version \(retrained)); older model files removed.") }
    }

    /// Counts and paths only: the receipt never repeats who was erased.
    static func text(_ receipt: ErasureReceipt) -> String {
        let report = receipt.store
        let records =
            report.customerIDs.count == 1 ? "1 customer record" : "\(report.customerIDs.count) customer records"
        var lines = [
            report.customerFound
                ? "Erased: \(records), \(report.ordersRemoved) orders, \(report.linesRemoved) lines and "
                    + "\(report.eventsRemoved) events removed; future imports will skip them."
                : "No such customer in the store; added to the suppression list so future imports skip them."
        ]
        let checked = receipt.files.filter { $0.outcome != .missing }.count
        lines.append("Files Regulars wrote: \(checked) checked, \(receipt.cleaned.count) named them and were cleaned.")
        for file in receipt.cleaned { lines.append("  \(file.outcome.rawValue): \(file.path)") }
        for file in receipt.files where file.outcome == .missing {
            lines.append("  moved or deleted since written (erase any copy by hand): \(file.path)")
        }
        if !receipt.notReached.isEmpty {
            lines.append(
                "Not written by Regulars, so not changed (they may still hold the customer; re-importing them is safe):"
            )
            for path in receipt.notReached { lines.append("  \(path)") }
        }
        return lines.joined(separator: "\n")
    }
}

struct DataRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data-request",
        abstract: "Write what the store holds about a customer, for their access request.",
        discussion: """
            Their records, order lines, events and stated preferences go to shop.data-requests/ beside the store \
            (owner-only; a later `regulars forget` removes the file too). A customer the store does not know gets \
            a file that says so: nothing held is an answer too. Shopify's customers/data_request webhook writes the \
            same file.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customer's id or e-mail.")
    var customer: String
    @Option(help: "A name for the file (data-request-NAME.json). Default: the date and time.")
    var name: String?

    func run() throws {
        let shop = try global.openShop()
        let stamp = Timestamp.iso(Int64(global.clock().timeIntervalSince1970)).replacingOccurrences(of: ":", with: "")
        let url = try shop.writeDataRequest(for: customer, name: name ?? stamp)
        print(global.json ? try Output.json(["file": url.path]) : "Written to \(url.path)")
    }
}

struct OptOutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opt-out",
        abstract: "Stop personalizing for a customer: they get non-personal recommendations only.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customer's id or e-mail.")
    var customer: String

    func run() throws {
        guard try global.openStore().optOut(customer: customer) != nil else {
            throw ValidationError("no customer '\(customer)' in \(global.storeName)")
        }
        print(global.json ? #"{"opted_out": true}"# : "Opted out: personal recommendations are off for this customer.")
    }
}

struct MarkSensitiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark-sensitive",
        abstract: "Mark a category sensitive (health, pregnancy, intimate …): never a reason, never in e-mails.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The category, exactly as in the catalog.")
    var category: String

    func run() throws {
        let count = try global.openStore().markSensitive(category: category)
        guard count > 0 else { throw ValidationError("no product in category '\(category)'") }
        print(
            global.json ? #"{"products_marked": \#(count)}"# : "Marked \(count) products in '\(category)' as sensitive."
        )
    }
}
