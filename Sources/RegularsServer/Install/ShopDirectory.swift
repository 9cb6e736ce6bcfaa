import Foundation
import Logging
import RegularsData
import ServiceLifecycle

/// The shops a server of a whole install serves (`regulars serve --all-shops`): each opened once, with its own
/// routes, key ring, models and background work, and found by name, by API key or by Shopify domain.
///
/// The install is looked at again every `lookInterval`, and at most once a second when a request names a shop,
/// a key or a domain the directory does not know: a shop created, a key made or a Shopify store connected with
/// the CLI is served within a second, and a deleted shop is let go. Looking reads every shop's keys and
/// connection (two small reads a shop), which bounds what a flood of unknown keys can cost.
final class ShopDirectory: Service, Sendable {
    /// Opens the shop of this name: its routes and services (the CLI knows how its stores are reached).
    typealias Open = @Sendable (String) async throws -> ShopServer

    private struct State {
        var shops: [String: ShopServer] = [:]
        var background: [String: ServiceGroup] = [:]
        /// SHA-256 of each key of every shop. A dictionary lookup is not constant-time, which is safe here: it
        /// compares digests, never keys, and the shop's `KeyMiddleware` checks the key again in constant time.
        var byKey: [[UInt8]: String] = [:]
        var byDomain: [String: String] = [:]
    }

    private let names: @Sendable () throws -> [String]
    private let open: Open
    private let logger: Logger
    private let lookInterval: Duration
    private let state = Locked(State())
    private let looks = LookGate()
    private let started: AsyncStream<ServiceGroup>
    private let start: AsyncStream<ServiceGroup>.Continuation

    init(
        names: @escaping @Sendable () throws -> [String], open: @escaping Open, logger: Logger,
        lookInterval: Duration = .seconds(10)
    ) {
        self.names = names
        self.open = open
        self.logger = logger
        self.lookInterval = lookInterval
        (started, start) = AsyncStream.makeStream()
    }

    /// The shops served now, by name.
    var shops: [String: ShopServer] { state.withLock { $0.shops } }

    func shop(named name: String) async -> ShopServer? {
        if let shop = state.withLock({ $0.shops[name] }) { return shop }
        await lookAgain(ifOlderThan: .seconds(1))
        return state.withLock { $0.shops[name] }
    }

    /// The shop one of whose API keys (revoked ones included, until the next look) is `key`.
    func shop(forKey key: String) async -> ShopServer? {
        let digest = APIKeyRecord.digest(of: key)
        let find = { [state] in state.withLock { state in state.byKey[digest].flatMap { state.shops[$0] } } }
        if let shop = find() { return shop }
        await lookAgain(ifOlderThan: .seconds(1))
        return find()
    }

    /// The shop connected to this Shopify domain.
    func shop(forDomain domain: String) async -> ShopServer? {
        let domain = domain.lowercased()
        let find = { [state] in state.withLock { state in state.byDomain[domain].flatMap { state.shops[$0] } } }
        if let shop = find() { return shop }
        await lookAgain(ifOlderThan: .seconds(1))
        return find()
    }

    /// Looks at the install unless that was done less than `age` ago (or is being done: then waits for it).
    func lookAgain(ifOlderThan age: Duration) async {
        await looks.run(ifOlderThan: age) { await self.lookAtInstall() }
    }

    /// Opens the shops created since the last look, lets go of those deleted, and reads every shop's keys and
    /// Shopify domain again.
    private func lookAtInstall() async {
        let names: Set<String>
        do { names = Set(try self.names()) } catch {
            logger.error("could not list the install's shops: \(error)")
            return
        }
        let known = Set(state.withLock { $0.shops.keys })
        for name in known.subtracting(names) { await letGo(of: name) }
        for name in names.subtracting(known).sorted() {
            do {
                let shop = try await open(name)
                let group = ServiceGroup(
                    configuration: ServiceGroupConfiguration(
                        services: shop.background.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                        logger: logger))
                state.withLock {
                    $0.shops[name] = shop
                    $0.background[name] = group
                }
                start.yield(group)
                logger.info("serving the shop \(name)")
            } catch {
                logger.error("could not open the shop \(name): \(error)")
            }
        }
        var byKey: [[UInt8]: String] = [:]
        var byDomain: [String: String] = [:]
        for (name, shop) in state.withLock({ $0.shops }) {
            for key in (try? shop.services.store.keys()) ?? [] { byKey[key.hash] = name }
            if let domain = try? shop.services.shop.shopifyConnection()?.domain { byDomain[domain] = name }
        }
        state.withLock {
            $0.byKey = byKey
            $0.byDomain = byDomain
        }
    }

    /// Stops serving a shop (deleted from the install): its routes go at once, its background work ends.
    func letGo(of name: String) async {
        let (group, shop) = state.withLock { state in
            (state.background.removeValue(forKey: name), state.shops.removeValue(forKey: name))
        }
        shop?.services.metrics.modelAges.forget(shop: name)
        await group?.triggerGracefulShutdown()
        if shop != nil { logger.info("no longer serving the shop \(name): it was deleted") }
    }

    /// Runs every shop's background work, and looks at the install every `lookInterval`.
    func run() async throws {
        await withDiscardingTaskGroup { tasks in
            tasks.addTask { [self] in
                await cancelWhenGracefulShutdown {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: self.lookInterval)
                        await self.lookAgain(ifOlderThan: self.lookInterval / 2)
                    }
                }
            }
            for await group in started.cancelOnGracefulShutdown() {
                tasks.addTask { try? await group.run() }
            }
            tasks.cancelAll()
        }
    }
}

/// One look at the install at a time (who asks while one runs waits for it), and none again sooner than asked.
private actor LookGate {
    private var lastLook: ContinuousClock.Instant?
    private var inFlight: Task<Void, Never>?

    func run(ifOlderThan age: Duration, _ look: @escaping @Sendable () async -> Void) async {
        if let inFlight { return await inFlight.value }
        if let lastLook, lastLook.duration(to: .now) < age { return }
        let task = Task { await look() }
        inFlight = task
        await task.value
        lastLook = .now
        inFlight = nil
    }
}
