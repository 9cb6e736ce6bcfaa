import ArgumentParser
import Foundation
import RegularsData
import RegularsShop

struct ShopsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shops",
        abstract: "The shops of this install, their Shopify connections and the webhooks they received.",
        discussion: """
            One shop is one store: ./regulars.sqlite, or with several, shops/NAME.sqlite (under $REGULARS_HOME, else \
            here), each with its files beside it; every command takes --shop NAME (default: the only one). A shop's \
            data lives in its own file, and a server serves one shop: `regulars --shop NAME serve`.

            Connect a shop to Shopify so that its server takes the webhooks at POST /webhooks/shopify/{topic}: new, \
            changed and cancelled orders, products, and the customers' redaction and data requests. In Shopify's \
            admin (Settings, Notifications, Webhooks, or your app's configuration) point each topic at \
            https://YOUR-SERVER/webhooks/shopify/orders/create and so on.
            """,
        subcommands: [List.self, Create.self, Update.self, Delete.self, Deliveries.self])

    /// The install `--store` (else `$REGULARS_STORE`) puts the shops in: a folder, or a PostgreSQL server.
    static func install(_ output: OutputOptions) -> ShopInstall {
        ShopInstall.standard(environment: ProcessInfo.processInfo.environment, store: output.store)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every shop: its store, its Shopify domain (never its secret) and its webhooks by state.")
        @OptionGroup var output: OutputOptions

        func run() throws {
            let install = ShopsCommand.install(output)
            var shops: [(name: String, path: String)] = try install.names().map { ($0, install.storePath(of: $0)) }
            let single = output.store ?? ProcessInfo.processInfo.environment["REGULARS_STORE"] ?? "regulars.sqlite"
            // Listing opens no store that is not there: an empty folder stays empty. A server's shops are all listed.
            if install.postgres == nil && (output.store != nil || FileManager.default.fileExists(atPath: single)) {
                shops.insert(("(default)", single), at: 0)
            }
            if shops.isEmpty && !output.json {
                print(
                    "No shop here yet: `regulars import orders FILE` makes ./regulars.sqlite, "
                        + "or `regulars shops create NAME`.")
                return
            }
            var rows: [[String: String]] = []
            for (name, path) in shops {
                let shop = try Shop(storePath: path, clock: { Date() })
                let counts = try shop.store.deliveryCounts()
                rows.append([
                    "shop": name, "store": try StoreAddress(path).description,
                    "shopify_domain": try shop.shopifyConnection()?.domain ?? "",
                    "webhooks_pending": String(counts[.pending] ?? 0), "webhooks_done": String(counts[.done] ?? 0),
                    "webhooks_parked": String(counts[.parked] ?? 0),
                ])
            }
            if output.json {
                print(try Output.json(rows))
                return
            }
            for row in rows {
                print("\(row["shop"]!): \(row["store"]!)")
                let domain = row["shopify_domain"]!
                print(
                    domain.isEmpty
                        ? "  Shopify: not connected. `regulars shops update --shopify-domain D --webhook-secret S`"
                        : "  Shopify: \(domain) (webhook secret set)")
                print(
                    "  Webhooks: \(row["webhooks_pending"]!) pending, \(row["webhooks_done"]!) processed, "
                        + "\(row["webhooks_parked"]!) parked")
            }
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a shop to this install: shops/NAME.sqlite, empty, ready for `--shop NAME import`.")
        @OptionGroup var output: OutputOptions
        @Argument(help: "Lower-case letters, digits and dashes.")
        var name: String
        @OptionGroup var connection: ConnectionOptions
        @Option(
            help: """
                On PostgreSQL: the folder for the shop's model sets, rules and exports (default \
                $REGULARS_HOME/shops); servers on several machines share it.
                """)
        var filesFolder: String?

        func run() throws {
            // ShopInstall's failures say what is wrong in words: ArgumentParser prints them as they are.
            if let domain = try connection.domain(),
                let other = try ShopsCommand.install(output).shop(connectedTo: domain, except: nil)
            {
                throw ShopInstall.Failure.domainTaken(domain, by: other)
            }
            let install = ShopsCommand.install(output)
            if filesFolder != nil && install.postgres == nil {
                throw ValidationError("--files-folder: a SQLite shop's files sit beside its store file")
            }
            let path = try install.create(name)
            if let filesFolder {
                try StoreAddress(path).open().set(
                    setting: StoreAddress.filesFolderSetting, to: URL(fileURLWithPath: filesFolder).standardized.path)
            }
            if let connected = try connection.connection() {
                try Shop(storePath: path, clock: { Date() }).connect(shopify: connected)
            }
            print(
                "Created the shop '\(name)' in \(try StoreAddress(path).description). "
                    + "Next: regulars --shop \(name) import orders FILE"
            )
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Connect a shop to its Shopify store, for webhooks.",
            discussion: """
                The secret is the one Shopify signs webhooks with (your app's client secret, or the key shown \
                under Settings, Notifications, Webhooks). It is kept in the shop's store and never printed.
                """)
        @OptionGroup var output: OutputOptions
        @Argument(help: "The shop (default: --shop, or the only one).")
        var name: String?
        @Option(help: "In an install with several shops, the shop (as NAME).")
        var shop: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            guard let connected = try connection.connection() else {
                throw ValidationError("pass --shopify-domain and --webhook-secret (or REGULARS_WEBHOOK_SECRET)")
            }
            let path = try GlobalOptions.resolveStore(store: output.store, shop: name ?? shop)
            let install = ShopsCommand.install(output)
            let own = try install.names().first { install.storePath(of: $0) == path }
            if let other = try install.shop(connectedTo: connected.domain, except: own) {
                throw ShopInstall.Failure.domainTaken(connected.domain, by: other)
            }
            try Shop(storePath: path, clock: { Date() }).connect(shopify: connected)
            print("Connected to \(connected.domain). `regulars serve` takes its webhooks at /webhooks/shopify/{topic}.")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a shop and everything of it: its store, models, rules, campaigns and exports.")
        @OptionGroup var output: OutputOptions
        @Argument(help: "The shop.")
        var name: String
        @Flag(help: "Yes, delete it: nothing of it can be brought back.")
        var yes = false

        func run() throws {
            guard yes else { throw ValidationError("deleting '\(name)' cannot be undone: pass --yes") }
            let removed = try ShopsCommand.install(output).delete(name)
            print("Deleted the shop '\(name)': \(removed.joined(separator: ", ")).")
        }
    }

    struct Deliveries: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The newest webhook deliveries: topic, state and outcome (never their bodies).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "How many.")
        var limit = 20

        func run() throws {
            let deliveries = try global.openStore().deliveries(limit: limit)
            let rows = deliveries.map {
                [
                    "id": $0.id, "topic": $0.topic, "received": Timestamp.iso($0.receivedAt),
                    "state": $0.state.rawValue,
                    "attempts": String($0.attempts), "outcome": $0.outcome ?? "", "error": $0.error ?? "",
                ]
            }
            if global.json {
                print(try Output.json(rows))
                return
            }
            if rows.isEmpty { print("No webhooks received.") }
            for delivery in deliveries {
                let what = delivery.error.map { "failed: \($0)" } ?? delivery.outcome ?? ""
                print(
                    "\(Timestamp.iso(delivery.receivedAt))  \(delivery.topic)  \(delivery.state.rawValue)  \(what)")
            }
        }
    }
}

/// `--shopify-domain` and `--webhook-secret`, for `shops create` and `shops update`.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The shop's myshopify.com domain, as Shopify sends it in X-Shopify-Shop-Domain.")
    var shopifyDomain: String?
    @Option(help: "The webhook signing secret (or set REGULARS_WEBHOOK_SECRET).")
    var webhookSecret: String?

    /// The domain given, checked and lower-cased; `nil` when none.
    func domain() throws -> String? {
        guard let shopifyDomain else { return nil }
        let domain = shopifyDomain.trimmingCharacters(in: .whitespaces).lowercased()
        guard !domain.isEmpty, !domain.contains("/"), domain.contains(".") else {
            throw ValidationError("--shopify-domain: expected a domain such as my-shop.myshopify.com")
        }
        return domain
    }

    /// The connection, when a domain was given (then a secret is required too).
    func connection() throws -> ShopifyConnection? {
        guard let domain = try domain() else { return nil }
        guard
            let secret = webhookSecret ?? ProcessInfo.processInfo.environment["REGULARS_WEBHOOK_SECRET"],
            !secret.isEmpty
        else { throw ValidationError("pass --webhook-secret or set REGULARS_WEBHOOK_SECRET") }
        return ShopifyConnection(domain: domain, webhookSecret: secret)
    }
}
