import Foundation
import Logging
import PostgresNIO

/// The open connections of this process to one database, shared by every shop (schema) of it the process opens:
/// a server of a thousand shops holds `?pool=` connections, not a thousand times that. A connection remembers
/// which shop's `search_path` it was last lent with; `PostgresConnections` sets it again when it differs, and
/// prefers an idle connection already set for its shop.
///
/// Statements go through PostgresNIO's unnamed prepared statements, parsed at each run, so no plan made for one
/// shop's tables is ever reused for another's.
final class PostgresConnectionPool: @unchecked Sendable {  // `idle`, `open` and `nextID` under `condition`.
    struct Lent {
        let connection: PostgresConnection
        /// The schema its `search_path` names, `nil` before the first lending.
        var schema: String?
    }

    let location: PostgresLocation
    let logger: Logger
    /// At most this many connections at once; a caller beyond it waits for one to come back.
    let limit: Int
    private let condition = NSCondition()
    private var idle: [Lent] = []
    private var open = 0
    private var nextID = 0

    private init(location: PostgresLocation, limit: Int) {
        self.location = location
        self.limit = limit
        var logger = Logger(label: "regulars.postgres")
        // PostgresNIO logs queries at debug and trace level, with their binds: customers' details. Warnings only.
        logger.logLevel = .warning
        self.logger = logger
    }

    deinit {
        for lent in idle { Self.close(lent.connection) }
    }

    /// The pool of the database `location` names, shared with every store of this process on that database and
    /// with the same credentials; it lives while one of them does.
    static func shared(for location: PostgresLocation) -> PostgresConnectionPool {
        // The shop is the only part of a location a pool does not care about.
        let key = location.shop("main").url
        return registry.withLock { pools in
            if let pool = pools[key]?.pool { return pool }
            let pool = PostgresConnectionPool(location: location.shop("main"), limit: location.pool)
            pools[key] = Weak(pool: pool)
            pools = pools.filter { $0.value.pool != nil }
            return pool
        }
    }

    /// A pool of its own, for a one-off connection (listing or dropping schemas).
    static func unshared(for location: PostgresLocation) -> PostgresConnectionPool {
        PostgresConnectionPool(location: location, limit: 1)
    }

    private struct Weak {
        weak var pool: PostgresConnectionPool?
    }

    private static let registry = RegistryLock()

    private final class RegistryLock: @unchecked Sendable {  // `pools` under `lock`.
        private let lock = NSLock()
        private var pools: [String: Weak] = [:]

        func withLock<T>(_ body: (inout [String: Weak]) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&pools)
        }
    }

    /// Closes and waits: PostgresNIO requires a connection closed before it is released.
    private static func close(_ connection: PostgresConnection) {
        let closed: EventLoopFuture<Void> = connection.close()
        if !connection.eventLoop.inEventLoop { try? closed.wait() }
    }

    /// An idle connection, preferably one last lent for the shop of `shop`, or a new one when fewer than `limit` are
    /// open (an error names `shop`'s location).
    func checkOut(for shop: PostgresLocation) throws -> Lent {
        let schema = shop.schema
        condition.lock()
        while idle.isEmpty && open >= limit { condition.wait() }
        // An idle connection the server closed meanwhile (it restarted, a proxy timed it out) is dropped here, so
        // that the next request opens a new one instead of failing on it.
        let before = idle.count
        idle.removeAll { $0.connection.isClosed }
        open -= before - idle.count
        if let index = idle.lastIndex(where: { $0.schema == schema }) ?? idle.indices.last {
            let lent = idle.remove(at: index)
            condition.unlock()
            return lent
        }
        open += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            let connection = try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(),
                configuration: try location.configuration(), id: id, logger: logger
            ).wait()
            return Lent(connection: connection, schema: nil)
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw PostgresStoreError(error, connecting: shop)
        }
    }

    /// Takes a connection back; an unhealthy one is closed instead.
    func checkIn(_ lent: Lent, healthy: Bool) {
        condition.lock()
        if healthy {
            idle.append(lent)
        } else {
            open -= 1
            Self.close(lent.connection)
        }
        condition.signal()
        condition.unlock()
    }
}
