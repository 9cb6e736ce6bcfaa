import ArgumentParser
import Foundation
import RegularsData

/// Options every command takes: where the store is, the pretend "now", and JSON output.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The shop's store file (default: $REGULARS_STORE or ./regulars.sqlite).")
    var store: String?

    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false

    @Option(name: .customLong("as-of"), help: "Pretend today is this date (YYYY-MM-DD or ISO-8601). Default: now.")
    var asOf: String?

    var storePath: String {
        store ?? ProcessInfo.processInfo.environment["REGULARS_STORE"] ?? "regulars.sqlite"
    }

    func openStore() throws -> SQLiteStore { try SQLiteStore(path: storePath) }

    /// The clock is read here, at the edge, and nowhere deeper.
    func now() throws -> Date {
        guard let asOf else { return Date() }
        guard let seconds = Timestamp.parse(asOf) else {
            throw ValidationError("--as-of: cannot read \"\(asOf)\" as a date; expected \(Timestamp.expected)")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
