import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsPostgres

/// The shops of one database share this process's connections (`PostgresConnectionPool`); each lending sets the
/// lender's schema, so sharing must never let one shop read another's rows.
@Suite("PostgreSQL: one pool of connections per database, shared by its shops, each lending in its own shop")
struct PostgresPoolTests {
    @Test("twenty shops on a pool of two hold two connections, and each reads only its own settings")
    func shared() throws {
        guard let url = StoreKind.postgresURL else { return }
        let database = try TemporaryStore.newPostgresDatabase()
        let stores = try (0..<20).map { index in
            try PostgresStore(location: try PostgresLocation(url: database + "?pool=2", shop: "s\(index)"))
        }
        for (index, store) in stores.enumerated() { try store.set(setting: "who", to: "shop \(index)") }
        // Interleaved, so that most lendings take a connection last set for another shop.
        for round in 0..<3 {
            for (index, store) in stores.enumerated().reversed() where (index + round) % 2 == 0 {
                #expect(try store.setting(named: "who") == "shop \(index)")
            }
            for (index, store) in stores.enumerated() {
                #expect(try store.setting(named: "who") == "shop \(index)")
                #expect(
                    try store.connections.with { try $0.value(String.self, "SHOW search_path") } == "shop_s\(index)")
            }
        }
        let name = try #require(URLComponents(string: database)?.path.dropFirst())
        let count = try PostgresStore(location: try PostgresLocation(url: url, shop: "watcher")).connections.with {
            try $0.value(Int64.self, "SELECT count(*) FROM pg_stat_activity WHERE datname = $1", [String(name)])
        }
        // One shop a connection would be twenty; one after another, the shops reuse one.
        #expect((1...2).contains(count ?? 0), "\(count ?? 0) connections for twenty shops")
    }

    @Test("a shop's statement that fails leaves the connection usable, in the right shop, for the next lender")
    func failedStatement() throws {
        guard StoreKind.postgresURL != nil else { return }
        let database = try TemporaryStore.newPostgresDatabase()
        let a = try PostgresStore(location: try PostgresLocation(url: database + "?pool=1", shop: "a"))
        let b = try PostgresStore(location: try PostgresLocation(url: database + "?pool=1", shop: "b"))
        try a.set(setting: "who", to: "a")
        #expect(throws: (any Error).self) { try a.connections.with { try $0.execute("SELECT * FROM no_such_table") } }
        #expect(try b.setting(named: "who") == nil)
        #expect(try a.setting(named: "who") == "a")
    }
}
