import ArgumentParser
import Foundation
import RegularsShop

/// The options of the commands that work on one shop or, with `--all-shops`, on every shop of the install
/// (`serve`, `worker`). Not `GlobalOptions`: its validation refuses an install of several shops without `--shop`,
/// which is what `--all-shops` serves. Without `--all-shops` they resolve exactly as everywhere else
/// (`GlobalOptions.parse`).
struct ShopOrAllOptions: ParsableArguments {
    @Option(help: "The shop's store: a file or a postgres:// URL (default: $REGULARS_STORE, ./regulars.sqlite).")
    var store: String?
    @Option(help: "In an install with several shops, the shop (default: $REGULARS_SHOP, or the only one).")
    var shop: String?
    @Option(name: .customLong("as-of"), help: "Work as of this date (YYYY-MM-DD); default: each shop's own rule.")
    var asOf: String?
    @Flag(
        help: """
            Every shop of the install (a folder of shops, or a PostgreSQL server's), not only --shop's; shops \
            created or deleted meanwhile are taken up or let go.
            """)
    var allShops = false

    func validate() throws {
        if allShops && shop != nil { throw ValidationError("--all-shops takes every shop: pass no --shop") }
        if !allShops { _ = try global() }
        _ = try explicitAsOf()
    }

    /// The options as every other command reads them.
    func global() throws -> GlobalOptions {
        try GlobalOptions.parse(
            (store.map { ["--store", $0] } ?? []) + (shop.map { ["--shop", $0] } ?? [])
                + (asOf.map { ["--as-of", $0] } ?? []))
    }

    /// The `--as-of` date, when given.
    func explicitAsOf() throws -> Date? { try GlobalOptions.date(asOf: asOf) }

    /// The install `--all-shops` works on: `$REGULARS_HOME/shops`, or the PostgreSQL server of `--store`.
    var install: ShopInstall { ShopInstall.standard(environment: ProcessInfo.processInfo.environment, store: store) }
}
