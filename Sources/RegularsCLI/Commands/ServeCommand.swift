import ArgumentParser
import Foundation
import RegularsData
import RegularsPostgres
import RegularsServer
import RegularsShop

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP API (recommendations, events, upserts, back office) until Ctrl-C.",
        discussion: """
            Clients need a key: `regulars keys create --scope public` for the widget, `--scope secret` for your \
            backend. The server serves the latest `regulars train` model version and picks up newer ones by itself. \
            The widget is at /widget.js, the dashboard at /dashboard (sign in with a secret key or the one-time \
            link printed at start).

            With --all-shops one server serves every shop of the install (a folder of shops, or a PostgreSQL \
            server's): a request goes to the shop of its API key, Shopify's webhooks to the shop connected to \
            their domain, and /shops/NAME/… (the dashboard: /shops/NAME/dashboard) to the shop NAME.
            """)
    @OptionGroup var scope: ShopOrAllOptions
    @Option(help: "The port to listen on.")
    var port = 8080
    @Option(help: "The address to listen on; 0.0.0.0 for every interface.")
    var host = "127.0.0.1"
    @Option(
        help: """
            With a PostgreSQL store: a streaming replica's URL (postgres://…) for the reads that may lag a moment \
            (training snapshots, insights, lists); writes and sign-ins stay on --store.
            """)
    var readStore: String?
    @Option(
        name: .customLong("allowed-origin"),
        help: "A site allowed to call the public routes from browsers (repeat for more), e.g. https://shop.example.")
    var allowedOrigins: [String] = []
    @Option(
        name: .customLong("rate-limit-key"),
        help: "Requests a second one public key may make, all visitors together (bursts of twice that); 0: no limit.")
    var keyRate: Double = 500
    @Option(
        name: .customLong("rate-limit-address"),
        help: "Requests a second one client address may make with a public key (bursts of twice that); 0: no limit.")
    var addressRate: Double = 20
    @Flag(
        name: .customLong("plain-http"),
        help: "The server is reached over plain HTTP from other machines (no TLS proxy): dashboard cookies not Secure.")
    var plainHTTP = false
    @Flag(name: .customLong("open-metrics"), help: "Let anyone read /metrics (default: this machine or a secret key).")
    var openMetrics = false
    @Option(
        help: ArgumentHelp(
            "After Shopify webhooks bring new orders or products, retrain once the served models are this many hours "
                + "old; 0 never retrains on its own.", valueName: "hours"))
    var retrainEvery: Double = 24
    @Flag(help: "Queue that retraining for `regulars worker` instead of training in the server.")
    var trainInWorker = false
    @Option(
        help: ArgumentHelp(
            "With --all-shops: let go of a shop's models after this many minutes without a request (its next "
                + "request loads them again); default: keep every shop once opened.", valueName: "minutes"))
    var unloadAfter: Double?

    func validate() throws {
        if let unloadAfter {
            guard scope.allShops else { throw ValidationError("--unload-after: only with --all-shops") }
            guard unloadAfter > 0 else {
                throw ValidationError("--unload-after: expected a positive number of minutes")
            }
        }
        if scope.allShops && readStore.map(PostgresLocation.isURL) == false {
            throw ValidationError("--read-store: expected a postgres:// URL")
        }
        guard keyRate >= 0, addressRate >= 0 else { throw ValidationError("--rate-limit-*: expected 0 or more") }
        guard (1...65_535).contains(port) else { throw ValidationError("--port: expected 1 to 65535") }
        for origin in allowedOrigins where origin != "*" {
            guard let url = URL(string: origin), url.scheme == "https" || url.scheme == "http", url.host != nil,
                url.path.isEmpty
            else {
                throw ValidationError(
                    "--allowed-origin: '\(origin)' is not an origin; expected e.g. https://shop.example")
            }
        }
    }

    func run() async throws {
        // With --as-of the server recommends as of that day (the demo); events and sessions keep the real clock.
        let pinned = try scope.explicitAsOf()
        var configuration = ServerConfiguration(metrics: MetricsBootstrap.shared)
        configuration.host = host
        configuration.port = port
        configuration.allowedOrigins = allowedOrigins
        configuration.publicKeyRate = keyRate > 0 ? RateLimit(perSecond: keyRate) : nil
        configuration.clientAddressRate = addressRate > 0 ? RateLimit(perSecond: addressRate) : nil
        configuration.secureCookies = !plainHTTP
        configuration.openMetrics = openMetrics
        configuration.retrainAfterChanges = retrainEvery > 0 ? .seconds(retrainEvery * 3600) : nil
        configuration.trainInWorker = trainInWorker
        configuration.unloadIdleShopsAfter = unloadAfter.map { .seconds($0 * 60) }
        // Like a notebook server's token link: the shop owner opens the dashboard without pasting a key.
        // On stderr, so scripts reading stdout never capture it; it works once, for ten minutes.
        configuration.announceDashboardLink = { link in Output.error("Dashboard (one-time sign-in link): \(link)") }
        if scope.allShops { return try await serveInstall(configuration, asOf: pinned) }

        let global = try scope.global()
        let shop = try Shop(storePath: global.storePath, clock: { Date() }, asOf: pinned, readReplica: readStore)
        configuration.storePath = shop.storePath
        if try shop.store.keys().isEmpty {
            Output.error("No API keys yet: create one with `regulars keys create --scope public|secret`.")
        }
        Output.error("Serving \(global.storeName) on http://\(host):\(port) (Ctrl-C stops)")
        try await runApplication(configuration, store: shop.store, now: { Date() }, asOf: pinned)
    }

    /// Every shop of the install behind one address.
    private func serveInstall(_ configuration: ServerConfiguration, asOf: Date?) async throws {
        let install = scope.install
        let replica = try readStore.map { try PostgresLocation(url: $0) }
        let names = try install.names()
        Output.error(
            "Serving \(names.count) shop\(names.count == 1 ? "" : "s") (\(names.prefix(5).joined(separator: ", "))"
                + "\(names.count > 5 ? ", …" : "")) on http://\(host):\(port) (Ctrl-C stops)")
        let app = try await buildInstallApplication(
            configuration, names: { try install.names() },
            open: { name in
                let shop = try Shop(
                    storePath: install.storePath(of: name), clock: { Date() }, asOf: asOf,
                    readReplica: replica?.shop(name).url)
                return (shop.store, shop.storePath)
            }, delete: { try install.delete($0) }, now: { Date() }, asOf: asOf)
        try await app.runService()
    }
}
