import ArgumentParser
import Foundation
import RegularsData
import RegularsPostgres
import RegularsShop

/// Options every command takes: where the store is, the pretend "now", and JSON output.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            The shop's store: a file or postgres://user@host:port/database (default: $REGULARS_STORE, \
            ./regulars.sqlite).
            """
    )
    var store: String?

    @Option(
        name: .long,
        help:
            "In an install with several shops, the shop (shops/NAME.sqlite; default: $REGULARS_SHOP, or the only one)."
    )
    var shop: String?

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

    /// The store this command works on; `validate` has checked that it resolves.
    var storePath: String { (try? resolvedStorePath()) ?? "regulars.sqlite" }

    func validate() throws { _ = try resolvedStorePath() }

    /// `--store`, else `--shop` (or `$REGULARS_SHOP`) in `shops/`, else `$REGULARS_STORE`, else `./regulars.sqlite`
    /// when it exists, else the install's only shop; a new `./regulars.sqlite` when there is none, and an error
    /// when there are several and none was named.
    func resolvedStorePath() throws -> String { try Self.resolveStore(store: store, shop: shop) }

    static func resolveStore(store: String?, shop: String?) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        // A PostgreSQL server holds several shops: with a URL, --shop picks one of them.
        let onPostgres = (store ?? environment["REGULARS_STORE"]).map(PostgresLocation.isURL) ?? false
        if store != nil && shop != nil && !onPostgres {
            throw ValidationError("--store and --shop name two stores: pass one")
        }
        let install = ShopInstall.standard(environment: environment, store: store)
        do {
            if let name = shop ?? environment["REGULARS_SHOP"] { return try install.existingStorePath(of: name) }
        } catch let failure as ShopInstall.Failure {
            throw ValidationError("--shop: \(failure)")
        }
        // A server's URL that names no shop means its only shop, as a folder of shops does.
        if onPostgres, let url = store ?? environment["REGULARS_STORE"], !url.contains("shop=") {
            let names = try install.names()
            if names.count == 1 { return install.storePath(of: names[0]) }
            if names.count > 1 {
                throw ValidationError(
                    "this server holds several shops (\(names.joined(separator: ", "))): pass --shop NAME")
            }
        }
        if let store { return store }
        if let path = environment["REGULARS_STORE"] { return path }
        if FileManager.default.fileExists(atPath: "regulars.sqlite") { return "regulars.sqlite" }
        let names = try install.names()
        if names.count == 1 { return install.storePath(of: names[0]) }
        if names.count > 1 {
            throw ValidationError(
                "this install holds several shops (\(names.joined(separator: ", "))): pass --shop NAME")
        }
        return "regulars.sqlite"
    }

    /// The path the shop's files are named beside (see `StoreAddress.filesBase`): the SQLite file itself.
    func filesBase() throws -> String {
        try StoreAddress(storePath).isPostgres ? openShop().storePath : storePath
    }

    /// The store for messages: its path, or its URL without the password.
    var storeName: String { (try? StoreAddress(storePath).description) ?? storePath }

    func openStore() throws -> any Store { try StoreAddress(storePath).open() }

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
    func explicitAsOf() throws -> Date? { try Self.date(asOf: asOf) }

    /// An `--as-of` option's date.
    static func date(asOf: String?) throws -> Date? {
        guard let asOf else { return nil }
        guard let seconds = Timestamp.parse(asOf) else {
            throw ValidationError("--as-of: cannot read \"\(asOf)\" as a date; expected \(Timestamp.expected)")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}

/// The options of commands that do not work on the install's shop: `demo` (its own store) and `shops` (the
/// install's list). `--store` and `--json` as everywhere; no `--shop` to resolve, so they work in any folder.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "The store file (for `demo`: default $REGULARS_STORE or ./regulars-demo.sqlite).")
    var store: String?

    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false
}
