import Foundation
import Logging
import RegularsData
import ServiceLifecycle

/// Tells the store this server is alive every `interval`, and learns how many servers share the store: the public
/// keys' and client addresses' rate limits are split between them (`RateLimiter.setShare`), so that behind a load
/// balancer a key gets its limit once, not once per server. A server that stops beating drops out of the count
/// after three intervals, and the others take its part back.
final class ServerPresence: Service, Sendable {
    /// How this server is named in the store: one name per server process, whichever of its shops beats (a shop
    /// unloaded and built again must not count as a second server).
    let id: String
    private let store: any Store
    private let limits: RateLimitMiddleware
    private let interval: Duration
    private let now: @Sendable () -> Date
    private let logger: Logger
    let servers = Locked<Int>(1)

    init(
        store: any Store, limits: RateLimitMiddleware, interval: Duration, now: @escaping @Sendable () -> Date,
        logger: Logger, id: String = UUID().uuidString
    ) {
        self.id = id
        self.store = store
        self.limits = limits
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    /// One beat: notes this server and shares the limits among those alive. Returns how many there are.
    @discardableResult
    func beat() -> Int {
        let window = max(1, 3 * interval.components.seconds)
        do {
            let count = max(1, try store.beat(server: id, at: Int64(now().timeIntervalSince1970), window: window))
            if count != servers.withLock({ $0 }) {
                logger.info("\(count) servers share this store: each takes 1/\(count) of the rate limits")
            }
            servers.withLock { $0 = count }
            limits.setShare(1 / Double(count))
            return count
        } catch {
            // The store is unreachable for a moment: keep the last share rather than guess.
            logger.warning("could not note this server in the store: \(error)")
            return servers.withLock { $0 }
        }
    }

    func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            while !Task.isCancelled {
                beat()
                try? await Task.sleep(for: interval)
            }
        }
    }
}
