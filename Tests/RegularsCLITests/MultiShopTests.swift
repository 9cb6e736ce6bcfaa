import Foundation
import RegularsTestSupport
import Testing

/// Several shops in one install, through the spawned binary (the install folder is `$REGULARS_HOME/shops`, an
/// environment variable the in-process runner would share with every other test).
@Suite("Several shops in one install: shops create, list, update, delete and --shop")
struct MultiShopTests {
    @Test(
        "each shop has its own store, keys and connection; without --shop the only shop is meant, never a guess",
        arguments: StoreKind.available)
    func twoShops(kind: StoreKind) throws {
        let home = try Fixtures.temporaryDirectory()
        var environment = ["REGULARS_HOME": home.path]
        // On PostgreSQL the install is a database of its own: its shops are its schemas, their files in `home`.
        if kind == .postgres { environment["REGULARS_STORE"] = try TemporaryStore.newPostgresDatabase() }
        func run(_ arguments: [String]) throws -> CLIRunner.Result {
            try CLIRunner.run(arguments, in: home, environment: environment)
        }
        let empty = try run(["shops", "list"])
        #expect(empty.status == 0 && empty.stdout.contains("No shop here yet"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty, "listing created nothing")
        #expect(try run(["shops", "create", "north"]).status == 0)
        #expect(try run(["shops", "create", "south"]).status == 0)
        let taken = try run(["shops", "create", "north"])
        #expect(taken.status != 0 && taken.stderr.contains("exists already"))
        let bad = try run(["shops", "create", "North Shop"])
        #expect(bad.status != 0 && bad.stderr.contains("lower-case letters, digits and dashes"))

        let orders = Fixtures.file("generic/orders.csv").path
        #expect(try run(["--shop", "north", "import", "orders", orders]).status == 0)
        let ambiguous = try run(["stats"])
        #expect(ambiguous.status != 0 && ambiguous.stderr.contains("several shops (north, south): pass --shop NAME"))
        let north = try run(["--shop", "north", "stats", "--json"])
        let south = try run(["stats", "--shop", "south", "--json"])
        let northOrders = try Self.orders(north.stdout)
        #expect(northOrders > 0)
        #expect(try Self.orders(south.stdout) == 0, "south's store holds none of north's orders")
        #expect(try run(["--shop", "east", "stats"]).stderr.contains("no shop named 'east'; shops: north, south"))

        // Keys and connections are per shop; one Shopify domain belongs to one shop.
        #expect(try run(["--shop", "north", "keys", "create", "--scope", "secret", "--name", "backend"]).status == 0)
        #expect(try run(["--shop", "south", "keys", "list"]).stdout.contains("No keys"))
        let connect = ["--shopify-domain", "north.myshopify.com", "--webhook-secret", "s1"]
        #expect(try run(["shops", "update", "north"] + connect).status == 0)
        let twice = try run(["shops", "update", "south"] + connect)
        #expect(twice.status != 0 && twice.stderr.contains("connected to the shop 'north' already"))
        let list = try run(["shops", "list", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: String]])
        #expect(rows.map { $0["shop"] } == ["north", "south"])
        #expect(rows.map { $0["shopify_domain"] } == ["north.myshopify.com", ""])

        // Deleting a shop deletes everything of it; the other one is then the only one.
        #expect(try run(["--shop", "north", "train"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("shops/north.models").path))
        #expect(try run(["shops", "delete", "north"]).stderr.contains("pass --yes"))
        #expect(try run(["shops", "delete", "north", "--yes"]).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("shops").path)
        #expect(!left.contains { $0.hasPrefix("north.") }, "\(left)")
        #expect(try run(["--shop", "north", "stats"]).status != 0)
        let only = try run(["stats", "--json"])
        #expect(only.status == 0)
        #expect(try Self.orders(only.stdout) == 0)
    }

    static func orders(_ json: String) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let statistics = object?["statistics"] as? [String: Any] ?? object ?? [:]
        return statistics["orders"] as? Int ?? -1
    }
}
