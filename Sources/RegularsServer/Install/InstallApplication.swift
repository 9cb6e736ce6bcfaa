import Foundation
import Hummingbird
import Logging
import RegularsData

/// How a server of several shops reaches one of them: its store, and the file or URL models and rules are kept by.
public typealias ShopOpener = @Sendable (_ name: String) throws -> (store: any Store, storePath: String)

/// The application `regulars serve --all-shops` runs: every shop of an install behind one address, each with its
/// own routes, keys, models, rate limits and background work (`ShopDirectory`), a request going to its shop by
/// path, key or Shopify domain (`ShopDispatcher`).
///
/// - Parameters:
///   - names: the install's shops now (read again as shops are created and deleted).
///   - open: a shop's store.
///   - delete: deletes a shop and everything of it (Shopify's `shop/redact`); returns what went.
///   - now, asOf: as for `buildApplication`; every shop's as-of date follows `AsOf`'s rule on its own orders.
public func buildInstallApplication(
    _ configuration: ServerConfiguration, names: @escaping @Sendable () throws -> [String], open: @escaping ShopOpener,
    delete: @escaping @Sendable (_ name: String) throws -> [String], now: @escaping @Sendable () -> Date = { Date() },
    asOf: Date? = nil
) async throws -> some ApplicationProtocol {
    let logger = serverLogger()
    let ages = ModelAges()
    // A shop's deletion lets go of it first; the directory is made with the shops' opener, hence set after.
    let built = Locked<ShopDirectory?>(nil)
    let directory = ShopDirectory(
        names: names, open: open,
        build: { name, store, storePath in
            try await buildShopServer(
                configuration, store: store, storePath: storePath,
                metrics: ServerMetrics(registry: configuration.metrics, shop: name, modelAges: ages),
                basePath: ShopDispatcher.prefix + name, now: now, asOf: asOf,
                deleteShop: {
                    await built.current?.letGo(of: name)
                    return try delete(name)
                }, logger: logger)
        }, logger: logger, unloadAfter: configuration.unloadIdleShopsAfter)
    built.withLock { $0 = directory }
    await directory.lookAgain(ifOlderThan: .zero)
    if let announce = configuration.announceDashboardLink {
        for name in directory.shopNames {
            guard let store = directory.store(of: name) else { continue }
            announce(
                try ShopServer.dashboardLink(
                    configuration, basePath: ShopDispatcher.prefix + name, sessions: DashboardSessions(store: store),
                    now: now()))
        }
    }
    return application(
        responder: ShopDispatcher(directory: directory, openMetrics: configuration.openMetrics), configuration,
        services: [directory], logger: logger)
}
