import Foundation
import Hummingbird
import Logging
import RegularsData
import RegularsShop

/// The application `regulars serve` runs and the tests start: every route, its middleware and services.
///
/// - Parameters:
///   - configuration: address, CORS origins, where models are, the metrics registry.
///   - store: the shop's store.
///   - now: the clock, read at the edge (tests pin it): when things happen (events, erasures, sessions).
///   - asOf: what recommendations, segments, training and the dashboard are computed as of; `nil`: `AsOf`'s rule
///     (the clock, or the day after the newest order when the history is old).
///   - recommendations: overrides the recommendation source (tests); default: the models beside the store.
public func buildApplication(
    _ configuration: ServerConfiguration, store: any Store, now: @escaping @Sendable () -> Date = { Date() },
    asOf: Date? = nil, recommendations: (any RecommendationSource)? = nil
) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "regulars")
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    let metrics = ServerMetrics(registry: configuration.metrics)
    let storePath = configuration.storePath ?? (store as? SQLiteStore)?.path
    // Models, rules and training are the shop's, when the store has a file to keep them beside.
    let shop = storePath.map { Shop(store: store, storePath: $0, clock: now, asOf: asOf) }
    let models = shop.map {
        ModelRegistry(shop: $0, checkInterval: configuration.modelCheckInterval, metrics: metrics, logger: logger)
    }
    await models?.refresh()
    var trainer: ModelTrainer?
    if let shop, let models { trainer = ModelTrainer(shop: shop, registry: models, logger: logger) }
    let sessions = DashboardSessions(store: store)
    if let announce = configuration.announceDashboardLink {
        let link = try sessions.makeLink(now: now(), keyHash: nil)
        announce("http://\(configuration.host):\(configuration.port)/dashboard/login?once=\(link.token)")
    }
    let asOfClock = AsOfClock(explicit: asOf, clock: now) { try? store.newestOrderAt() }
    if let notice = asOfClock.current().notice { logger.notice("\(notice)") }
    let asOfNow: @Sendable () -> Date = { asOfClock.current().date }
    let services = AppServices(
        store: store, shop: shop ?? Shop(store: store, storePath: ":memory:", clock: now, asOf: asOf),
        storePath: storePath, now: now, asOf: asOfNow, keys: KeyRing(store: store),
        metrics: metrics,
        insights: InsightCache(store: store, now: asOfNow), recommendations: recommendations ?? models ?? NoModels(),
        models: models,
        trainer: trainer,
        experiments: ExperimentDirectory(
            store: store, checkInterval: configuration.modelCheckInterval, metrics: metrics),
        dashboardSessions: sessions)

    let limits = RateLimitMiddleware(
        keyRate: configuration.publicKeyRate, addressRate: configuration.clientAddressRate)
    let presence = ServerPresence(
        store: store, limits: limits, interval: configuration.presenceInterval, now: now, logger: logger)
    presence.beat()

    let router = Router(context: AppContext.self)
    // Outermost first: metrics see every answer; CORS adds its headers to errors too, so browsers can read them.
    router.add(middleware: MetricsMiddleware())
    router.add(
        middleware: CORSPolicy(
            allowedOrigins: Set(configuration.allowedOrigins),
            publicPaths: ["/v1/recommendations", "/v1/events", "/v1/banner"]))
    router.add(middleware: ErrorMiddleware())
    // Handlers call the store synchronously: they run on threads of their own (`StoreWorkExecutor`).
    router.add(middleware: StoreWorkMiddleware())

    // The JSON API is generated from openapi.yaml; what the generator does not express stays hand-written.
    let document = try APIDocument.bundled.get()
    try APIHandler(services: services).registerHandlers(
        on: ScopedTransport(
            document: document, open: router.group(),
            publicKey: router.group().add(middleware: KeyMiddleware(keys: services.keys, scope: .public))
                .add(middleware: limits),
            secretKey: router.group().add(middleware: KeyMiddleware(keys: services.keys, scope: .secret))),
        configuration: .init(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]))
    OperationsRoutes(services: services, document: document, openMetrics: configuration.openMetrics).add(to: router)
    WidgetRoutes().add(to: router)
    PreferenceRoutes(services: services).add(to: router)
    DashboardRoutes(services: services, sessions: sessions, secureCookies: configuration.secureCookies).add(to: router)
    let webhooks = WebhookProcessor(
        services: services, logger: logger, retryInterval: configuration.webhookRetryInterval,
        retrainAfter: configuration.retrainAfterChanges, trainInWorker: configuration.trainInWorker)
    ShopifyWebhookRoutes(services: services, processor: webhooks).add(to: router)

    return Application(
        router: router,
        server: .http1(
            configuration: .init(
                idleTimeout: .nanoseconds(
                    Int64(configuration.idleTimeout.components.seconds) * 1_000_000_000
                        + configuration.idleTimeout.components.attoseconds / 1_000_000_000))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "regulars"),
        services: [webhooks, presence],
        logger: logger)
}

/// Runs the application until SIGINT or SIGTERM, then finishes the requests in flight (`regulars serve`).
public func runApplication(
    _ configuration: ServerConfiguration, store: any Store, now: @escaping @Sendable () -> Date = { Date() },
    asOf: Date? = nil
) async throws {
    let app = try await buildApplication(configuration, store: store, now: now, asOf: asOf)
    try await app.runService()
}
