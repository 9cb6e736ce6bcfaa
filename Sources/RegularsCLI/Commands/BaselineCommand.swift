import ArgumentParser
import Foundation
import RegularsData
import RegularsMeasure
import RegularsShop

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Freeze today's figures (set), then see each one then and now with its change and interval.",
        discussion: """
            The figures cover the 30 days before the as-of date: orders per week, average order value, \
            repeat-purchase rate, the share of revenue recommendations earned, revenue per e-mail sent. Set a \
            baseline before you switch something on; look again 60 days in.
            """,
        subcommands: [BaselineSetCommand.self, BaselineShowCommand.self], defaultSubcommand: BaselineShowCommand.self)
}

struct BaselineSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Freeze today's figures.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let shop = try global.openShop()
        _ = try global.asOf(shop)
        let figures = try shop.setBaseline()
        if global.json { return print(try Output.json(figures)) }
        print(
            "Baseline frozen: \(figures.orders) orders in the 30 days to \(Timestamp.isoDay(figures.end)), "
                + String(format: "average order value %.2f.", figures.averageOrderValue ?? 0))
    }
}

struct BaselineShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "The baseline then and now.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let shop = try global.openShop()
        _ = try global.asOf(shop)
        guard let comparison = try shop.baselineComparison() else {
            throw ValidationError("no baseline yet: run `regulars baseline set` first")
        }
        if global.json { return print(try Output.json(comparison)) }
        let then = Timestamp.isoDay(comparison.baseline.end)
        print("30 days to \(then) → 30 days to \(Timestamp.isoDay(comparison.current.end))")
        for row in comparison.rows {
            let then = row.then.map { String(format: "%.3g", $0) } ?? "-"
            let now = row.now.map { String(format: "%.3g", $0) } ?? "-"
            let change = row.changeText(missing: "")
            print("  \(row.figure): \(then) → \(now)  \(change)")
        }
    }
}
