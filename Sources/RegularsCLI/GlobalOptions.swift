import ArgumentParser
import Foundation
import RegularsData
import RegularsShop

/// Options every command takes: where the store is, the pretend "now", and JSON output.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The shop's store file (default: $REGULARS_STORE or ./regulars.sqlite).")
    var store: String?

    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false

    @Option(
        name: .customLong("as-of"),
        help: """
            Work as of this date (YYYY-MM-DD or ISO-8601). Default: today, or the day of the newest order when it \
            is more than 60 days old.
            """
    )
    var asOf: String?

    var storePath: String {
        store ?? ProcessInfo.processInfo.environment["REGULARS_STORE"] ?? "regulars.sqlite"
    }

    func openStore() throws -> SQLiteStore { try SQLiteStore(path: storePath) }

    /// The shop at `--store`, on the real clock, with the `--as-of` date if given.
    func openShop() throws -> Shop { try Shop(storePath: storePath, clock: { Date() }, asOf: try explicitAsOf()) }

    /// The clock is read here, at the edge, and nowhere deeper: for what happened when (records, file names).
    func clock() -> Date { Date() }

    /// `shop.asOf()`, saying on stderr when the date comes from an old history. Call once per command.
    func asOf(_ shop: Shop) throws -> Date {
        let resolved = try shop.asOf()
        if let notice = resolved.notice { Output.error("note: \(notice)") }
        return resolved.date
    }

    /// The `--as-of` date, when given.
    func explicitAsOf() throws -> Date? {
        guard let asOf else { return nil }
        guard let seconds = Timestamp.parse(asOf) else {
            throw ValidationError("--as-of: cannot read \"\(asOf)\" as a date; expected \(Timestamp.expected)")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
