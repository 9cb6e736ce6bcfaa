import ArgumentParser
import Foundation
import RegularsData
import RegularsServer

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list and revoke API keys for `regulars serve`.",
        subcommands: [Create.self, List.self, Revoke.self, CustomerToken.self, RotateCustomerTokens.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a key and print it once: the store keeps only its hash.",
            discussion:
                "public keys may read recommendations and send events (safe in a browser); "
                + "secret keys may do everything."
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "public or secret.")
        var scope: APIKeyScope
        @Option(help: "A name to list and revoke it by. Default: the scope and a number.")
        var name: String?

        func run() throws {
            let store = try global.openStore()
            let taken = Set(try store.keys().map(\.name))
            let name = self.name ?? (1...).lazy.map { "\(scope.rawValue)-\($0)" }.first { !taken.contains($0) }!
            guard !taken.contains(name) else {
                throw ValidationError("a key named '\(name)' exists; revoke it or choose another --name")
            }
            let key = APIKey.generate(scope: scope)
            try store.add(key: key.record(name: name, createdAt: global.clock()))
            if global.json {
                print(try Output.json(["name": name, "scope": scope.rawValue, "key": key.secret]))
            } else {
                print(key.secret)
                Output.error("Created \(scope.rawValue) key '\(name)'. Copy it now: it is not shown again.")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List keys: names, scopes and creation times, never the keys.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let keys = try global.openStore().keys()
            let rows = keys.map {
                [
                    "name": $0.name, "scope": $0.scope.rawValue,
                    "created": Timestamp.iso(Int64($0.createdAt.timeIntervalSince1970)),
                ]
            }
            if global.json {
                print(try Output.json(rows))
            } else if keys.isEmpty {
                print("No keys. Create one with `regulars keys create --scope public|secret`.")
            } else {
                let width = max(4, keys.map(\.name.count).max() ?? 0)
                print("name".padding(toLength: width, withPad: " ", startingAt: 0) + "  scope   created")
                for row in rows {
                    print(
                        row["name"]!.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                            + row["scope"]!.padding(toLength: 6, withPad: " ", startingAt: 0) + "  " + row["created"]!)
                }
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a key by name; a running server refuses it within a second.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The key's name, as `regulars keys list` shows it.")
        var name: String

        func run() throws {
            guard try global.openStore().revokeKey(named: name) else { throw ValidationError("no key named '\(name)'") }
            print(global.json ? #"{"revoked": true}"# : "Revoked key '\(name)'.")
        }
    }
}

extension KeysCommand {
    struct CustomerToken: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "customer-token",
            abstract: "The token that lets a page with a public key ask for this customer's own recommendations.",
            discussion: """
                Put it beside the customer id (`data-customer` and `data-customer-token` on the widget's script tag) \
                for a signed-in customer. Your backend can also get it from GET /v1/customers/{id}/token.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer's id.")
        var customer: String

        func run() throws {
            let token = RegularsData.CustomerToken.make(
                customer: customer, key: try global.openStore().customerTokenKey(), now: Date())
            print(global.json ? try Output.json(["customer_id": customer, "token": token]) : token)
        }
    }

    struct RotateCustomerTokens: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-customer-tokens",
            abstract: "A new customer token key: every customer token issued so far stops working (within a second).",
            discussion: "Pages then need fresh tokens from your backend (GET /v1/customers/{id}/token).")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.openStore().rotateCustomerTokenKey()
            print(
                global.json
                    ? #"{"rotated": true}"# : "Customer tokens rotated: pages need fresh ones from your backend.")
        }
    }
}

extension APIKeyScope: ExpressibleByArgument {}
