import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsPostgres

/// `?sslmode=` as libpq reads it. The live cases need the test server to offer TLS with a certificate for localhost
/// signed by `REGULARS_TEST_POSTGRES_CA` (`.ci/run` makes one); without it they are skipped with a note.
@Suite("PostgreSQL over TLS: sslmode and sslrootcert")
struct PostgresTLSTests {
    static let authority = ProcessInfo.processInfo.environment["REGULARS_TEST_POSTGRES_CA"]

    @Test("sslmode is read, kept in the URL made for another shop, and a mode libpq does not know is refused")
    func modes() throws {
        #expect(try PostgresLocation(url: "postgres://h/d").tls == .prefer, "libpq's default")
        let location = try PostgresLocation(url: "postgres://u:pw@h/d?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        #expect(location.tls == .verifyFull && location.rootCertificate == "/etc/ca.pem")
        let other = try PostgresLocation(url: location.shop("b").url)
        #expect(other.tls == .verifyFull && other.rootCertificate == "/etc/ca.pem" && other.shop == "b")
        #expect(
            try PostgresLocation(url: location.shop("b").url.replacingOccurrences(of: "verify-full", with: "disable"))
                .tls == .disable)
        do {
            _ = try PostgresLocation(url: "postgres://u:pw@h/d?sslmode=always")
            Issue.record("took an unknown sslmode")
        } catch {
            #expect("\(error)".contains("verify-full") && !"\(error)".contains("pw"), "\(error)")
        }
    }

    /// Whether the store's connection is encrypted, as the server sees it.
    static func encrypted(_ url: String) throws -> Bool {
        let store = try PostgresStore(location: try PostgresLocation(url: url))
        return try store.connections.with { session in
            try session.value(Bool.self, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()") ?? false
        }
    }

    /// The test server's URL on `localhost` (the name its certificate carries) with `query` added.
    static func url(_ query: String) throws -> String {
        let base = try #require(StoreKind.postgresURL).replacingOccurrences(of: "127.0.0.1", with: "localhost")
        let shop = try TemporaryStore.newPostgresShop().shop
        return base + (base.contains("?") ? "&" : "?") + "shop=\(shop)&" + query
    }

    @Test("prefer and require encrypt; disable does not; verify-full checks the certificate against sslrootcert")
    func live() throws {
        guard let authority = Self.authority, StoreKind.postgresURL != nil else {
            FileHandle.standardError.write(Data("note: REGULARS_TEST_POSTGRES_CA is unset: TLS not tried\n".utf8))
            return
        }
        #expect(try Self.encrypted(try Self.url("sslmode=prefer")))
        #expect(try Self.encrypted(try Self.url("sslmode=require")))
        #expect(try !Self.encrypted(try Self.url("sslmode=disable")))
        #expect(try Self.encrypted(try Self.url("sslmode=verify-full&sslrootcert=\(authority)")))
        // The server's certificate is signed by no authority the system trusts: verifying against those fails.
        #expect(throws: (any Error).self) { try Self.encrypted(try Self.url("sslmode=verify-full")) }
    }
}
