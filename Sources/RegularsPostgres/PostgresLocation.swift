import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL store is: a `postgres://user:password@host:port/database` URL, and the shop whose schema
/// holds its rows.
///
/// Each shop is one schema (`shop_NAME`): its tables are the SQLite store's, so every query of the store is the same
/// for one shop or a thousand, and no query of one shop can name another's rows (its connections' `search_path`
/// is its schema alone). Deleting a shop is `DROP SCHEMA … CASCADE`.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// A folder holding the server's socket (`?host=/path` in the URL): then the connection is a unix socket.
    public var socketFolder: String?
    /// The shop, `main` unless named; its schema is `shop_` + the name with dashes as underscores.
    public var shop: String
    /// At most this many connections a process opens to the database (`?pool=N`, default 8), shared by every shop
    /// of it the process opens (`PostgresConnectionPool`): a server's requests and background work share them.
    public var pool = 8
    /// Whether and how the connection is encrypted (`?sslmode=`, as libpq reads it; default `prefer`).
    public var tls = TLSMode.prefer
    /// The certificate authority that signed the server's certificate (`?sslrootcert=/path`), for `verify-ca` and
    /// `verify-full`; default: the system's roots.
    public var rootCertificate: String?

    /// libpq's `sslmode`s: `disable` never encrypts; `prefer` encrypts when the server offers it and `require`
    /// insists, both without checking the certificate (libpq's meaning: against eavesdropping only); `verify-ca`
    /// checks the certificate against the trusted authorities, and `verify-full` its host name too (use it across
    /// any network you do not own). A unix socket is never encrypted.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// Whether `text` names a PostgreSQL store rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Reads a URL; `shop` overrides the URL's `?shop=` (default `main`).
    public init(url text: String, shop: String? = nil) throws {
        guard Self.isURL(text), let url = URLComponents(string: text) else {
            throw Failure(description: "cannot read '\(Self.redacted(text))' as postgres://user@host:port/database")
        }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        socketFolder = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        host = url.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        port = url.port ?? 5432
        username = url.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = url.password.flatMap { $0.removingPercentEncoding }
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        database = path.isEmpty ? username : path
        self.shop = shop ?? query["shop"] ?? "main"
        if let text = query["pool"] {
            guard let pool = Int(text), (1...100).contains(pool) else {
                throw Failure(description: "?pool=\(text.prefix(20)): expected a number of connections from 1 to 100")
            }
            self.pool = pool
        }
        if let text = query["sslmode"] {
            guard let tls = TLSMode(rawValue: text) else {
                throw Failure(
                    description: "?sslmode=\(text.prefix(20)): expected one of "
                        + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self.tls = tls
        }
        rootCertificate = query["sslrootcert"].flatMap { $0.isEmpty ? nil : $0 }
        guard Self.isValidShop(self.shop) else {
            throw Failure(
                description:
                    "'\(self.shop.prefix(60))' cannot name a shop: use 1 to 40 lower-case letters, digits and dashes")
        }
    }

    /// The same server and database, another shop.
    public func shop(_ name: String) -> PostgresLocation {
        var other = self
        other.shop = name
        return other
    }

    /// A URL naming this shop, with the password as given (for opening it again; never print it: `description`).
    public var url: String {
        var url = URLComponents()
        url.scheme = "postgres"
        url.user = username
        url.password = password
        url.host = host
        url.port = port
        url.path = "/" + database
        var items: [URLQueryItem] = []
        if let socketFolder { items.append(URLQueryItem(name: "host", value: socketFolder)) }
        if pool != 8 { items.append(URLQueryItem(name: "pool", value: String(pool))) }
        if tls != .prefer { items.append(URLQueryItem(name: "sslmode", value: tls.rawValue)) }
        if let rootCertificate { items.append(URLQueryItem(name: "sslrootcert", value: rootCertificate)) }
        url.queryItems = items + [URLQueryItem(name: "shop", value: shop)]
        return url.string ?? "postgres://\(username)@\(host):\(port)/\(database)?shop=\(shop)"
    }

    /// The shop's schema; a shop name holds only letters, digits and dashes, so it needs no quoting.
    public var schema: String { "shop_" + shop.replacingOccurrences(of: "-", with: "_") }

    static func isValidShop(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 40
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The URL without its password, for messages and logs.
    public var description: String {
        "postgres://\(username)@\(socketFolder ?? "\(host):\(port)")/\(database) (shop \(shop))"
    }

    /// `text` with any password replaced, for an error about a URL that could not be read.
    static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return String(text.prefix(80)) }
        url.password = "…"
        return url.string ?? "postgres://…"
    }

    /// PostgresNIO's settings for a connection to the database; the shop's `search_path` is set on each lending
    /// (`PostgresConnections`), since the connection serves every shop of the database.
    func configuration() throws -> PostgresConnection.Configuration {
        if let socketFolder {
            PostgresConnection.Configuration(
                unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: username, password: password,
                database: database)
        } else {
            PostgresConnection.Configuration(
                host: host, port: port, username: username, password: password, database: database,
                tls: try tlsSetting())
        }
    }

    /// PostgresNIO's TLS setting for `tls`.
    private func tlsSetting() throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tls {
        case .disable: return .disable
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        if let rootCertificate { configuration.trustRoots = .file(rootCertificate) }
        let context: NIOSSLContext
        do { context = try NIOSSLContext(configuration: configuration) } catch {
            throw Failure(description: "?sslrootcert=\(rootCertificate ?? ""): cannot use it (\(error))")
        }
        return tls == .prefer ? .prefer(context) : .require(context)
    }
}
