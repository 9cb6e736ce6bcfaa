import Foundation
import RegularsData
import RegularsPostgres

/// The stores the store tests run against: SQLite always; PostgreSQL when `REGULARS_TEST_POSTGRES_URL` names a
/// server (`.ci/run` starts a throwaway one and sets it).
public enum StoreKind: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// The server the PostgreSQL tests use, when one is set.
    public static var postgresURL: String? { ProcessInfo.processInfo.environment["REGULARS_TEST_POSTGRES_URL"] }

    /// Every kind this run can test; without a server, SQLite alone, saying so once on stderr.
    public static let available: [StoreKind] = {
        if postgresURL != nil { return allCases }
        FileHandle.standardError.write(
            Data(
                """
                note: REGULARS_TEST_POSTGRES_URL is unset: the store tests run on SQLite only, PostgreSQL's are \
                skipped \
                (.ci/run starts a server and sets it)\n
                """.utf8))
        return [.sqlite]
    }()
}

/// A real store, fresh: a SQLite file in a new temporary folder, or a new shop (schema) on the test server.
public enum TemporaryStore {
    public static func make() throws -> SQLiteStore {
        try SQLiteStore(path: try Fixtures.temporaryDirectory().appendingPathComponent("shop.sqlite").path)
    }

    public static func make(_ kind: StoreKind) throws -> any Store {
        switch kind {
        case .sqlite: return try make()
        case .postgres: return try PostgresStore(location: try newPostgresShop())
        }
    }

    /// A shop name on the test server no other test uses.
    public static func newPostgresShop() throws -> PostgresLocation {
        guard let url = StoreKind.postgresURL else {
            throw PostgresLocation.Failure(description: "REGULARS_TEST_POSTGRES_URL is unset")
        }
        let name = "t-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        return try PostgresLocation(url: url, shop: String(name))
    }

    /// A new, empty database on the test server, made with `psql`; its URL.
    public static func newPostgresDatabase() throws -> String {
        guard let url = StoreKind.postgresURL, var parts = URLComponents(string: url) else {
            throw PostgresLocation.Failure(description: "REGULARS_TEST_POSTGRES_URL is unset")
        }
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-qAtc", "CREATE DATABASE \(name)"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PostgresLocation.Failure(description: "psql could not create the database \(name)")
        }
        parts.path = "/" + name
        return parts.string ?? url
    }

    /// Writes `text` to a file in a fresh temporary folder and returns its URL.
    public static func file(named name: String, _ text: String) throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}
