import Foundation
import Logging
import RegularsData
import RegularsShop
import ServiceLifecycle

#if os(Linux)
    /// glibc's `malloc_trim` (not in Swift's Glibc module): returns the arenas' free pages to the system.
    @_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32
#endif

/// The shops a server of a whole install serves (`regulars serve --all-shops`), found by name, by API key or by
/// Shopify domain. Every shop's store is open (cheap: a file, or a view of the database's shared connections); its
/// routes, models and background work (`ShopServer`) are built at its first request, and with `unloadAfter` let go
/// again once it has had no request for that long, so that a thousand shops hold in memory the models of those
/// with visitors, not all of them.
///
/// The install is looked at again every `lookInterval`, and at most once a second when a request names a shop,
/// a key or a domain the directory does not know: a shop created, a key made or a Shopify store connected with
/// the CLI is served within a second, and a deleted shop is let go. Looking reads every shop's keys and
/// connection (two small reads a shop), which bounds what a flood of unknown keys can cost.
final class ShopDirectory: Service, Sendable {
    /// Builds a shop's routes and services over its store (the server knows how).
    typealias Build = @Sendable (_ name: String, _ store: any Store, _ storePath: String) async throws -> ShopServer

    private struct Known {
        let store: any Store
        let storePath: String
    }

    private struct State {
        var known: [String: Known] = [:]
        var live: [String: ShopServer] = [:]
        var background: [String: ServiceGroup] = [:]
        var lastUsed: [String: ContinuousClock.Instant] = [:]
        /// SHA-256 of each key of every shop. A dictionary lookup is not constant-time, which is safe here: it
        /// compares digests, never keys, and the shop's `KeyMiddleware` checks the key again in constant time.
        var byKey: [[UInt8]: String] = [:]
        var byDomain: [String: String] = [:]
    }

    private let names: @Sendable () throws -> [String]
    private let open: ShopOpener
    private let build: Build
    private let logger: Logger
    private let lookInterval: Duration
    private let unloadAfter: Duration?
    private let state = Locked(State())
    private let looks = LookGate()
    private let builds = BuildGate()
    private let started: AsyncStream<ServiceGroup>
    private let start: AsyncStream<ServiceGroup>.Continuation

    init(
        names: @escaping @Sendable () throws -> [String], open: @escaping ShopOpener, build: @escaping Build,
        logger: Logger, lookInterval: Duration = .seconds(10), unloadAfter: Duration? = nil
    ) {
        self.names = names
        self.open = open
        self.build = build
        self.logger = logger
        self.lookInterval = lookInterval
        self.unloadAfter = unloadAfter
        (started, start) = AsyncStream.makeStream()
    }

    /// The install's shops as last looked at, sorted.
    var shopNames: [String] { state.withLock { $0.known.keys.sorted() } }

    /// The shops whose routes are built now.
    var liveNames: [String] { state.withLock { $0.live.keys.sorted() } }

    /// A shop's store, without building its routes.
    func store(of name: String) -> (any Store)? { state.withLock { $0.known[name]?.store } }

    func shop(named name: String) async -> ShopServer? {
        await shop { state in state.known[name] == nil ? nil : name }
    }

    /// The shop one of whose API keys (revoked ones included, until the next look) is `key`.
    func shop(forKey key: String) async -> ShopServer? {
        let digest = APIKeyRecord.digest(of: key)
        return await shop { $0.byKey[digest] }
    }

    /// The shop connected to this Shopify domain.
    func shop(forDomain domain: String) async -> ShopServer? {
        let domain = domain.lowercased()
        return await shop { $0.byDomain[domain] }
    }

    /// The shop `name(state)` names, looking at the install again (at most once a second) when it names none.
    private func shop(_ name: @Sendable (State) -> String?) async -> ShopServer? {
        if state.withLock({ name($0) }) == nil { await lookAgain(ifOlderThan: .seconds(1)) }
        guard let found = state.withLock({ name($0) }) else { return nil }
        return await live(found)
    }

    /// The shop's routes, built now if they are not (one build at a time per shop; who asks meanwhile waits for it).
    private func live(_ name: String) async -> ShopServer? {
        let now = ContinuousClock.now
        let found = state.withLock { state -> ShopServer? in
            guard let shop = state.live[name] else { return nil }
            state.lastUsed[name] = now
            return shop
        }
        if let found { return found }
        return await builds.run(name) { [self] in
            let (known, built) = state.withLock { ($0.known[name], $0.live[name]) }
            if let built { return built }
            guard let known else { return nil }
            do {
                let shop = try await build(name, known.store, known.storePath)
                let group = ServiceGroup(
                    configuration: ServiceGroupConfiguration(
                        services: shop.background.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                        logger: logger))
                state.withLock {
                    $0.live[name] = shop
                    $0.background[name] = group
                    $0.lastUsed[name] = .now
                }
                start.yield(group)
                logger.info("serving the shop \(name)")
                return shop
            } catch {
                logger.error("could not open the shop \(name): \(error)")
                return nil
            }
        }
    }

    /// Looks at the install unless that was done less than `age` ago (or is being done: then waits for it).
    func lookAgain(ifOlderThan age: Duration) async {
        await looks.run(ifOlderThan: age) { await self.lookAtInstall() }
    }

    /// Opens the stores of the shops created since the last look, lets go of those deleted, and reads every shop's
    /// keys and Shopify domain again.
    private func lookAtInstall() async {
        let names: Set<String>
        do { names = Set(try self.names()) } catch {
            logger.error("could not list the install's shops: \(error)")
            return
        }
        let known = Set(state.withLock { $0.known.keys })
        for name in known.subtracting(names) { await letGo(of: name) }
        for name in names.subtracting(known).sorted() {
            do {
                let (store, storePath) = try open(name)
                state.withLock { $0.known[name] = Known(store: store, storePath: storePath) }
            } catch {
                logger.error("could not open the shop \(name): \(error)")
            }
        }
        var byKey: [[UInt8]: String] = [:]
        var byDomain: [String: String] = [:]
        for (name, shop) in state.withLock({ $0.known }) {
            for key in (try? shop.store.keys()) ?? [] { byKey[key.hash] = name }
            if let domain = try? shop.store.setting(named: ShopifyConnection.domainSetting) {
                byDomain[domain.lowercased()] = name
            }
        }
        state.withLock {
            $0.byKey = byKey
            $0.byDomain = byDomain
        }
    }

    /// Stops serving a shop (deleted from the install): its routes go at once, its background work ends.
    func letGo(of name: String) async {
        await unload(name)
        if state.withLock({ $0.known.removeValue(forKey: name) }) != nil {
            logger.info("no longer serving the shop \(name): it was deleted")
        }
    }

    /// Lets go of a shop's routes, models and background work; its next request builds them again.
    private func unload(_ name: String) async {
        let (group, shop) = state.withLock { state in
            state.lastUsed[name] = nil
            return (state.background.removeValue(forKey: name), state.live.removeValue(forKey: name))
        }
        shop?.services.metrics.modelAges.forget(shop: name)
        await group?.triggerGracefulShutdown()
    }

    /// Unloads the shops without a request for `unloadAfter`, unless a webhook delivery of theirs waits for a retry
    /// (their background work must stay to try it).
    func unloadIdle(now: ContinuousClock.Instant = .now) async {
        guard let unloadAfter else { return }
        let idle = state.withLock { state in
            state.lastUsed.filter { $0.value.duration(to: now) >= unloadAfter }.map(\.key)
        }
        var unloaded = 0
        for name in idle.sorted() {
            let store = state.withLock { $0.known[name]?.store }
            let waiting = (try? store?.pendingDeliveries(dueAt: .max, limit: 1).isEmpty == false) ?? false
            guard !waiting else { continue }
            await unload(name)
            unloaded += 1
            logger.info("unloaded the shop \(name): no request for \(unloadAfter)")
        }
        #if os(Linux)
            // The models' memory is free now, but glibc keeps freed pages in its arenas; give them back.
            if unloaded > 0 { _ = mallocTrim(0) }
        #endif
    }

    /// Runs every shop's background work, looks at the install every `lookInterval`, and unloads idle shops.
    func run() async throws {
        await withDiscardingTaskGroup { tasks in
            tasks.addTask { [self] in
                await cancelWhenGracefulShutdown {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: self.lookInterval)
                        await self.lookAgain(ifOlderThan: self.lookInterval / 2)
                        await self.unloadIdle()
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

/// One build of a shop's routes at a time; who asks for the same shop meanwhile gets that build's result.
private actor BuildGate {
    private var inFlight: [String: Task<ShopServer?, Never>] = [:]

    func run(_ name: String, _ build: @escaping @Sendable () async -> ShopServer?) async -> ShopServer? {
        if let task = inFlight[name] { return await task.value }
        let task = Task { await build() }
        inFlight[name] = task
        let result = await task.value
        inFlight[name] = nil
        return result
    }
}
