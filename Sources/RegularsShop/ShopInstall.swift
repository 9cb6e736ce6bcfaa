import Foundation
import RegularsData
import RegularsPostgres

/// Several shops in one install. By default a folder `shops/` whose every `NAME.sqlite` is one shop's store, with
/// that shop's files beside it (`NAME.models/`, `NAME.rules.json`, `NAME.campaigns/` …, as `StorePaths` names them).
/// When `REGULARS_STORE` (or `--store`) is a PostgreSQL URL, the shops are that database's schemas (`shop_NAME`,
/// see `PostgresLocation`) and the folder holds their files only.
///
/// A shop's rows live in its own file or schema, so no query of one shop can reach another's: its keys, sessions,
/// models and suppression list are its own. A server serves one shop (`regulars --shop NAME serve`).
public struct ShopInstall: Sendable {
    /// The folder holding the shops' files (and their SQLite stores).
    public let folder: URL
    /// The server holding the shops' stores, when they are on PostgreSQL.
    public let postgres: PostgresLocation?

    public init(folder: URL, postgres: PostgresLocation? = nil) {
        self.folder = folder
        self.postgres = postgres
    }

    /// `$REGULARS_HOME/shops`, else `./shops`; on the PostgreSQL server `store` (else `$REGULARS_STORE`) names.
    public static func standard(environment: [String: String], store: String? = nil) -> ShopInstall {
        let home =
            environment["REGULARS_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = store ?? environment["REGULARS_STORE"]
        let postgres = url.flatMap { PostgresLocation.isURL($0) ? try? PostgresLocation(url: $0) : nil }
        return ShopInstall(folder: home.appendingPathComponent("shops"), postgres: postgres)
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case badName(String)
        case exists(String)
        case noSuchShop(String, known: [String])
        case domainTaken(String, by: String)

        public var description: String {
            switch self {
            case .badName(let name):
                "'\(name.prefix(60))' cannot name a shop: use 1 to 40 lower-case letters, digits and dashes"
            case .exists(let name): "a shop named '\(name)' exists already"
            case .noSuchShop(let name, let known):
                "no shop named '\(name.prefix(60))'"
                    + (known.isEmpty
                        ? "; create it with `regulars shops create NAME`" : "; shops: " + known.joined(separator: ", "))
            case .domainTaken(let domain, let shop): "\(domain) is connected to the shop '\(shop)' already"
            }
        }
    }

    /// The shops' names, sorted.
    public func names() throws -> [String] {
        if let postgres { return try PostgresStore.shops(at: postgres) }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".sqlite") }.map { String($0.dropLast(".sqlite".count)) }
            .filter { Self.isValid($0) }.sorted()
    }

    /// Where the shop `name`'s store is (whether or not it exists): a file's path, or a URL with `?shop=NAME`.
    public func storePath(of name: String) -> String {
        if let postgres { return postgres.shop(name).url }
        return folder.appendingPathComponent(name + ".sqlite").path
    }

    /// The store of an existing shop.
    public func existingStorePath(of name: String) throws -> String {
        guard Self.isValid(name), try names().contains(name) else { throw Failure.noSuchShop(name, known: try names()) }
        return storePath(of: name)
    }

    /// Creates the shop's store (empty, migrated) and returns its path or URL.
    public func create(_ name: String) throws -> String {
        guard Self.isValid(name) else { throw Failure.badName(name) }
        guard try !names().contains(name) else { throw Failure.exists(name) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = storePath(of: name)
        _ = try StoreAddress(path).open()
        return path
    }

    /// Deletes the shop: its store (file or schema) and every file and folder of its name. Returns what went.
    public func delete(_ name: String) throws -> [String] {
        _ = try existingStorePath(of: name)
        var gone: [String] = []
        if let postgres {
            try PostgresStore.delete(postgres.shop(name))
            gone.append("schema \(postgres.shop(name).schema)")
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // A name has no dot, so `NAME.` starts only this shop's files (`a.sqlite`, never `ab.sqlite`).
        let theirs = files.filter { $0.hasPrefix(name + ".") }.sorted()
        for file in theirs { try FileManager.default.removeItem(at: folder.appendingPathComponent(file)) }
        return gone + theirs
    }

    /// The shop another shop of this install connected `domain` to, if any (one domain, one shop).
    public func shop(connectedTo domain: String, except name: String?) throws -> String? {
        for other in try names() where other != name {
            let shop = try Shop(storePath: storePath(of: other), clock: { Date(timeIntervalSince1970: 0) })
            if try shop.shopifyConnection()?.domain == domain.lowercased() { return other }
        }
        return nil
    }

    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 40
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
