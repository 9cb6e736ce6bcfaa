import Foundation
import Logging
import PostgresNIO

/// A few open connections to one shop's schema, lent to one caller at a time.
///
/// The `Store` protocol is synchronous (SQLite's calls are), so a caller here waits for PostgresNIO's futures, which
/// run on NIO's own event-loop threads: never on the caller's, so the wait cannot starve the work it waits for.
/// A connection that failed (the server restarted, the network dropped) is closed and not lent again.
final class PostgresConnections: @unchecked Sendable {
    let location: PostgresLocation
    let logger: Logger
    /// At most this many connections at once; a caller beyond it waits for one to come back.
    let limit: Int
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 0

    init(location: PostgresLocation, limit: Int) {
        self.location = location
        self.limit = limit
        var logger = Logger(label: "regulars.postgres")
        // PostgresNIO logs queries at debug and trace level, with their binds: customers' details. Warnings only.
        logger.logLevel = .warning
        self.logger = logger
    }

    deinit {
        for connection in idle { Self.close(connection) }
    }

    /// Closes and waits: PostgresNIO requires a connection closed before it is released.
    private static func close(_ connection: PostgresConnection) {
        let closed: EventLoopFuture<Void> = connection.close()
        if !connection.eventLoop.inEventLoop { try? closed.wait() }
    }

    /// Runs `body` on a connection of its own; a connection whose work failed at the protocol level is dropped.
    @discardableResult
    func with<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let connection = try checkOut()
        var healthy = true
        defer { checkIn(connection, healthy: healthy && !connection.isClosed) }
        do {
            return try body(PostgresSession(connection: connection, logger: logger))
        } catch let error as PSQLError where error.code != .server {
            healthy = false
            throw PostgresStoreError(error)
        } catch let error as PSQLError {
            throw PostgresStoreError(error)
        }
    }

    private func checkOut() throws -> PostgresConnection {
        condition.lock()
        while idle.isEmpty && open >= limit { condition.wait() }
        // An idle connection the server closed meanwhile (it restarted, a proxy timed it out) is dropped here, so
        // that the next request opens a new one instead of failing on it.
        while let connection = idle.popLast() {
            if !connection.isClosed {
                condition.unlock()
                return connection
            }
            open -= 1
        }
        open += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            return try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(), configuration: try location.configuration(), id: id,
                logger: logger
            ).wait()
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw PostgresStoreError(error, connecting: location)
        }
    }

    private func checkIn(_ connection: PostgresConnection, healthy: Bool) {
        condition.lock()
        if healthy {
            idle.append(connection)
        } else {
            open -= 1
            Self.close(connection)
        }
        condition.signal()
        condition.unlock()
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
