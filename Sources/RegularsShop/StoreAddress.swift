import Foundation
import RegularsData
import RegularsPostgres

/// Where a shop's store is, as `--store` and `REGULARS_STORE` name it: a SQLite file's path, or a
/// `postgres://user@host:port/database?shop=NAME` URL. The one place that tells them apart and opens either.
///
/// A shop also has files: model sets, rules, voice, templates, campaign exports. A SQLite store's sit beside its
/// file (`StorePaths`); a PostgreSQL shop's sit in a folder named by the store's setting `files.folder` (default
/// `$REGULARS_HOME/shops`, else `./shops`), as `NAME.models/`, `NAME.rules.json` … Model sets stay files rather
/// than `bytea` rows: a large shop's set is 400 MB, which every server would pull through PostgreSQL at each new
/// version; servers on several machines share the folder (a network mount) instead, and notice a new version by
/// its file as they do on one machine.
public struct StoreAddress: Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case sqlite(path: String)
        case postgres(PostgresLocation)
    }

    public let kind: Kind

    /// `text` is a path or a PostgreSQL URL; `shop` picks the shop on a PostgreSQL server (else the URL's
    /// `?shop=`, else `main`).
    public init(_ text: String, shop: String? = nil) throws {
        kind =
            PostgresLocation.isURL(text) ? .postgres(try PostgresLocation(url: text, shop: shop)) : .sqlite(path: text)
    }

    public var isPostgres: Bool {
        if case .postgres = kind { return true }
        return false
    }

    /// For messages and logs: the path, or the URL without its password.
    public var description: String {
        switch kind {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }

    /// Opens the store, creating it (and for PostgreSQL the shop's schema) when missing. `readReplica`, a
    /// PostgreSQL URL of a streaming replica of the same server, takes the reads that may lag (`PostgresStore`).
    public func open(readReplica: String? = nil) throws -> any Store {
        switch kind {
        case .sqlite(let path):
            if readReplica != nil {
                throw PostgresLocation.Failure(description: "a read replica needs a PostgreSQL store, not \(path)")
            }
            return try SQLiteStore(path: path)
        case .postgres(let location):
            return try PostgresStore(location: location, replica: try readReplica.map { try PostgresLocation(url: $0) })
        }
    }

    /// The path the shop's files are named beside (`StorePaths.sibling`): the SQLite file, or for PostgreSQL
    /// `FOLDER/NAME.postgres`, a name only (no such file is made).
    public func filesBase(store: any Store, environment: [String: String]) throws -> String {
        switch kind {
        case .sqlite(let path): return path
        case .postgres(let location):
            let folder =
                try store.setting(named: Self.filesFolderSetting)
                ?? ShopInstall.standard(environment: environment).folder.path
            return URL(fileURLWithPath: folder).appendingPathComponent(location.shop + ".postgres").path
        }
    }

    /// The store setting naming a PostgreSQL shop's files folder.
    public static let filesFolderSetting = "files.folder"
}
