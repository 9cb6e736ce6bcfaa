import Foundation
import RegularsData
import RegularsPostgres
import Testing

/// Reading `postgres://` URLs needs no server: what `--store` and `REGULARS_STORE` accept, and what messages show.
@Suite("PostgreSQL locations: URLs read, passwords never shown, bad ones named")
struct PostgresLocationTests {
    @Test("a full URL: user, password, host, port, database, shop and pool; the description hides the password")
    func fullURL() throws {
        let location = try PostgresLocation(
            url: "postgres://shop%40owner:s3cr%3Ft@db.internal:6543/regulars?shop=a-b&pool=3")
        #expect(location.username == "shop@owner" && location.password == "s3cr?t")
        #expect(location.host == "db.internal" && location.port == 6543 && location.database == "regulars")
        #expect(location.shop == "a-b" && location.schema == "shop_a_b" && location.pool == 3)
        #expect(!location.description.contains("s3cr"))
        #expect(location.description == "postgres://shop@owner@db.internal:6543/regulars (shop a-b)")
        // The URL made for another shop opens the same server with the same password.
        let other = try PostgresLocation(url: location.shop("c").url)
        #expect(other.password == "s3cr?t" && other.shop == "c" && other.pool == 3 && other.host == "db.internal")
    }

    @Test("defaults: port 5432, user postgres, the database named for the user, the shop main, 8 connections")
    func defaults() throws {
        let location = try PostgresLocation(url: "postgresql://127.0.0.1")
        #expect(location.port == 5432 && location.username == "postgres" && location.database == "postgres")
        #expect(location.shop == "main" && location.pool == 8 && location.socketFolder == nil)
        #expect(try PostgresLocation(url: "postgres://u@h/d?host=/run/postgresql").socketFolder == "/run/postgresql")
        #expect(try PostgresLocation(url: "postgres://u@h/d?shop=x", shop: "y").shop == "y", "--shop wins")
    }

    @Test("a bad shop name, pool or URL is refused in words, without the password")
    func refused() {
        #expect(!PostgresLocation.isURL("shop.sqlite") && PostgresLocation.isURL("postgres://h/d"))
        for (url, message) in [
            ("postgres://u:pw@h/d?shop=Bad_Name", "cannot name a shop"),
            ("postgres://u:pw@h/d?pool=0", "expected a number of connections from 1 to 100"),
        ] {
            #expect(throws: PostgresLocation.Failure.self) { try PostgresLocation(url: url) }
            do {
                _ = try PostgresLocation(url: url)
            } catch {
                #expect("\(error)".contains(message) && !"\(error)".contains("pw"), "\(error)")
            }
        }
    }

    @Test("a server that is not there: the error names the URL without its password, and opens nothing")
    func noServer() throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let location = try PostgresLocation(url: "postgres://owner:hunter2@127.0.0.1:1/regulars")
        do {
            _ = try PostgresStore(location: location)
            Issue.record("opened a store on a closed port")
        } catch {
            let text = "\(error)"
            #expect(text.hasPrefix("cannot connect to postgres://owner@127.0.0.1:1/regulars (shop main): "), "\(text)")
            #expect(!text.contains("hunter2"))
        }
    }
}
