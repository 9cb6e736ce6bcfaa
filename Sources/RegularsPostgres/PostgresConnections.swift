import Foundation
import Logging
import PostgresNIO

/// One shop's way to its database's connections (`PostgresConnectionPool`, shared by the shops of one database),
/// lent to one caller at a time with the shop's schema as their `search_path`.
///
/// The `Store` protocol is synchronous (SQLite's calls are), so a caller here waits for PostgresNIO's futures, which
/// run on NIO's own event-loop threads: never on the caller's, so the wait cannot starve the work it waits for.
/// A connection that failed (the server restarted, the network dropped) is closed and not lent again.
final class PostgresConnections: Sendable {
    let location: PostgresLocation
    private let pool: PostgresConnectionPool

    /// The shop's connections, from the pool its database shares with the process's other shops.
    init(location: PostgresLocation) {
        self.location = location
        pool = PostgresConnectionPool.shared(for: location)
    }

    /// One connection of its own, for a one-off statement about the database (listing or dropping schemas).
    init(oneOff location: PostgresLocation) {
        self.location = location
        pool = PostgresConnectionPool.unshared(for: location)
    }

    /// Runs `body` on a connection whose `search_path` is the shop's schema alone; a connection whose work failed at
    /// the protocol level is dropped.
    @discardableResult
    func with<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        var lent = try pool.checkOut(for: location)
        var healthy = true
        defer { pool.checkIn(lent, healthy: healthy && !lent.connection.isClosed) }
        do {
            let session = PostgresSession(connection: lent.connection, logger: pool.logger)
            if lent.schema != location.schema {
                // Outside any transaction, so it holds for the session: until a lending for another shop sets it.
                lent.schema = nil
                try session.execute("SELECT pg_catalog.set_config('search_path', $1, false)", [location.schema])
                lent.schema = location.schema
            }
            return try body(session)
        } catch let error as PSQLError where error.code != .server {
            healthy = false
            throw PostgresStoreError(error)
        } catch let error as PSQLError {
            // A statement the server refused: the connection is sound, unless its search_path could not be set.
            healthy = lent.schema == location.schema
            throw PostgresStoreError(error)
        }
    }
}

/// One lent connection: queries that wait for their answer.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs `sql` with `values` bound to `$1`, `$2` …; returns every row.
    @discardableResult
    func query(_ sql: String, _ values: [any SQLValue] = []) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: values.count)
        for value in values { try value.append(to: &binds) }
        return try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
    }

    /// Runs `sql` and returns how many rows it inserted, updated or deleted.
    @discardableResult
    func execute(_ sql: String, _ values: [any SQLValue] = []) throws -> Int {
        try query(sql, values).metadata.rows ?? 0
    }

    /// Runs `sql` and hands each row to `onRow` as it arrives (on NIO's thread), without keeping them all: for the
    /// snapshot's millions of lines.
    func stream(_ sql: String, _ values: [any SQLValue] = [], _ onRow: @escaping @Sendable (PostgresRow) throws -> Void)
        throws
    {
        var binds = PostgresBindings(capacity: values.count)
        for value in values { try value.append(to: &binds) }
        _ = try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger, onRow).wait()
    }

    /// Runs statements separated by `;` at the ends of lines, one by one: the extended protocol, which binds values,
    /// takes one statement at a time. For the schema, whose statements hold no `;` of their own.
    func executeScript(_ sql: String) throws {
        for statement in sql.components(separatedBy: ";\n") {
            let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { try execute(text.hasSuffix(";") ? String(text.dropLast()) : text) }
        }
    }

    /// The first column of the first row, when there is one and it is not NULL.
    func value<T: PostgresDecodable>(_ type: T.Type, _ sql: String, _ values: [any SQLValue] = []) throws -> T? {
        guard let cell = try query(sql, values).rows.first?.first, cell.bytes != nil else { return nil }
        return try cell.decode(T.self)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    @discardableResult
    func transaction<T>(_ begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }
}
