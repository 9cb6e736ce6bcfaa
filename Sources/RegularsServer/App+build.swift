import Foundation
import Hummingbird
import Logging
import RegularsData
import RegularsShop
import ServiceLifecycle

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
    let logger = serverLogger()
    let shop = try await buildShopServer(
        configuration, store: store, storePath: configuration.storePath ?? (store as? SQLiteStore)?.path,
        metrics: ServerMetrics(registry: configuration.metrics), basePath: "", now: now, asOf: asOf,
        recommendations: recommendations, logger: logger)
    if let announce = configuration.announceDashboardLink { announce(try shop.dashboardLink(configuration)) }
    return application(responder: shop.responder, configuration, services: shop.background, logger: logger)
}

/// The logger every server writes to; `LOG_LEVEL` sets its level.
func serverLogger() -> Logger {
    var logger = Logger(label: "regulars")
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    return logger
}

/// The application over `responder`: HTTP/1.1 on the configuration's address, with its idle timeout.
func application<Responder: HTTPResponder>(
    responder: Responder, _ configuration: ServerConfiguration, services: [any Service], logger: Logger
) -> Application<Responder> where Responder.Context == AppContext {
    Application(
        responder: responder,
        server: .http1(
            configuration: .init(
                idleTimeout: .nanoseconds(
                    Int64(configuration.idleTimeout.components.seconds) * 1_000_000_000
                        + configuration.idleTimeout.components.attoseconds / 1_000_000_000))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "regulars"),
        services: services, logger: logger)
}

/// One shop's routes, and the work its server does beside answering requests.
struct ShopServer: Sendable {
    let responder: RouterResponder<AppContext>
    let services: AppServices
    /// Stored webhooks and retraining, and the server's beat in the store.
    let background: [any Service]

    /// A one-time sign-in link to the shop's dashboard, as `regulars serve` prints it.
    func dashboardLink(_ configuration: ServerConfiguration) throws -> String {
        try Self.dashboardLink(
            configuration, basePath: services.basePath, sessions: services.dashboardSessions, now: services.now())
    }

    /// A one-time sign-in link to the dashboard of the shop mounted at `basePath`, whose sessions are `sessions`.
    static func dashboardLink(
        _ configuration: ServerConfiguration, basePath: String, sessions: DashboardSessions, now: Date
    ) throws -> String {
        let link = try sessions.makeLink(now: now, keyHash: nil)
        return "http://\(configuration.host):\(configuration.port)\(basePath)/dashboard/login?once=\(link.token)"
    }
}

/// Builds one shop's routes and services.
///
/// - Parameters:
///   - storePath: the store's file or URL: models, rules and training are the shop's when it has one.
///   - basePath: where the shop is mounted: `""` on a server of one shop, `/shops/NAME` on a server of several;
///     the links and cookies the shop's pages hand out start with it.
func buildShopServer(
    _ configuration: ServerConfiguration, store: any Store, storePath: String?, metrics: ServerMetrics,
    basePath: String, now: @escaping @Sendable () -> Date, asOf: Date?,
    recommendations: (any RecommendationSource)? = nil, deleteShop: (@Sendable () async throws -> [String])? = nil,
    logger: Logger
) async throws -> ShopServer {
    let shop = storePath.map { Shop(store: store, storePath: $0, clock: now, asOf: asOf) }
    let asOfClock = AsOfClock(explicit: asOf, clock: now) { try? store.newestOrderAt() }
    if let notice = asOfClock.current().notice { logger.notice("\(basePath.isEmpty ? "" : basePath + ": ")\(notice)") }
    let asOfNow: @Sendable () -> Date = { asOfClock.current().date }
    let models = shop.map {
        ModelRegistry(
            shop: $0, checkInterval: configuration.modelCheckInterval, metrics: metrics, logger: logger, asOf: asOfNow)
    }
    await models?.refresh()
    var trainer: ModelTrainer?
    if let shop, let models { trainer = ModelTrainer(shop: shop, registry: models, logger: logger) }
    let sessions = DashboardSessions(store: store)
    let services = AppServices(
        store: store, shop: shop ?? Shop(store: store, storePath: ":memory:", clock: now, asOf: asOf),
        storePath: storePath, basePath: basePath, now: now, asOf: asOfNow, keys: KeyRing(store: store),
        metrics: metrics,
        insights: InsightCache(store: store, now: asOfNow), recommendations: recommendations ?? models ?? NoModels(),
        models: models,
        trainer: trainer,
        experiments: ExperimentDirectory(
            store: store, checkInterval: configuration.modelCheckInterval, metrics: metrics),
        dashboardSessions: sessions, deleteShop: deleteShop)

    let limits = RateLimitMiddleware(
        keyRate: configuration.publicKeyRate, addressRate: configuration.clientAddressRate)
    let presence = ServerPresence(
        store: store, limits: limits, interval: configuration.presenceInterval, now: now, logger: logger,
        id: configuration.serverID)
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
    let publicKey = router.group().add(middleware: KeyMiddleware(keys: services.keys, scope: .public))
        .add(middleware: limits)
    try APIHandler(services: services).registerHandlers(
        on: ScopedTransport(
            document: document, open: router.group(), publicKey: publicKey,
            secretKey: router.group().add(middleware: KeyMiddleware(keys: services.keys, scope: .secret))),
        configuration: .init(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]))
    RecommendationRoutes(services: services).add(to: publicKey)
    OperationsRoutes(services: services, document: document, openMetrics: configuration.openMetrics).add(to: router)
    WidgetRoutes().add(to: router)
    PreferenceRoutes(services: services).add(to: router)
    DashboardRoutes(services: services, sessions: sessions, secureCookies: configuration.secureCookies).add(to: router)
    let webhooks = WebhookProcessor(
        services: services, logger: logger, retryInterval: configuration.webhookRetryInterval,
        retrainAfter: configuration.retrainAfterChanges, trainInWorker: configuration.trainInWorker)
    ShopifyWebhookRoutes(services: services, processor: webhooks).add(to: router)
    return ShopServer(responder: router.buildResponder(), services: services, background: [webhooks, presence])
}

/// Runs the application until SIGINT or SIGTERM, then finishes the requests in flight (`regulars serve`).
public func runApplication(
    _ configuration: ServerConfiguration, store: any Store, now: @escaping @Sendable () -> Date = { Date() },
    asOf: Date? = nil
) async throws {
    let app = try await buildApplication(configuration, store: store, now: now, asOf: asOf)
    try await app.runService()
}
