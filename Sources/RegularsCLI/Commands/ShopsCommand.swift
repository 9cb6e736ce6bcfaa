import ArgumentParser
import Foundation
import RegularsData
import RegularsShop

struct ShopsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shops",
        abstract: "The shop this store holds: its Shopify connection and the webhooks it received.",
        discussion: """
            An install holds one shop, its store. Connect it to Shopify so that `regulars serve` takes its \
            webhooks at POST /webhooks/shopify/{topic}: new, changed and cancelled orders, products, and the \
            customers' redaction and data requests. In Shopify's admin (Settings, Notifications, Webhooks, or your \
            app's configuration) point each topic at https://YOUR-SERVER/webhooks/shopify/orders/create and so on.
            """,
        subcommands: [List.self, Update.self, Deliveries.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The shop, its Shopify domain (never its secret) and its webhook deliveries by state.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let shop = try global.openShop()
            let connection = try shop.shopifyConnection()
            let counts = Dictionary(
                uniqueKeysWithValues: try shop.store.deliveryCounts().map { ($0.key.rawValue, $0.value) })
            if global.json {
                let row: [String: String] = [
                    "store": shop.storePath, "shopify_domain": connection?.domain ?? "",
                    "webhooks_pending": String(counts["pending"] ?? 0), "webhooks_done": String(counts["done"] ?? 0),
                    "webhooks_parked": String(counts["parked"] ?? 0),
                ]
                print(try Output.json([row]))
                return
            }
            print("Shop in \(shop.storePath)")
            if let connection {
                print("  Shopify: \(connection.domain) (webhook secret set)")
            } else {
                print("  Shopify: not connected. `regulars shops update --shopify-domain D --webhook-secret S`")
            }
            print(
                "  Webhooks: \(counts["pending"] ?? 0) pending, \(counts["done"] ?? 0) processed, "
                    + "\(counts["parked"] ?? 0) parked")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Connect the shop to its Shopify store, for webhooks.",
            discussion: """
                The secret is the one Shopify signs webhooks with (your app's client secret, or the key shown \
                under Settings, Notifications, Webhooks). It is kept in the store and never printed.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The shop's myshopify.com domain, as Shopify sends it in X-Shopify-Shop-Domain.")
        var shopifyDomain: String
        @Option(help: "The webhook signing secret (or set REGULARS_WEBHOOK_SECRET).")
        var webhookSecret: String?

        func run() throws {
            guard
                let secret = webhookSecret ?? ProcessInfo.processInfo.environment["REGULARS_WEBHOOK_SECRET"],
                !secret.isEmpty
            else { throw ValidationError("pass --webhook-secret or set REGULARS_WEBHOOK_SECRET") }
            let domain = shopifyDomain.trimmingCharacters(in: .whitespaces).lowercased()
            guard !domain.isEmpty, !domain.contains("/"), domain.contains(".") else {
                throw ValidationError("--shopify-domain: expected a domain such as my-shop.myshopify.com")
            }
            try global.openShop().connect(shopify: ShopifyConnection(domain: domain, webhookSecret: secret))
            print("Connected to \(domain). `regulars serve` takes its webhooks at /webhooks/shopify/{topic}.")
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
