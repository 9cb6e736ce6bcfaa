import Foundation
import RegularsData
import RegularsShop

/// What the routes share: the store, the clock, the caches and the metrics.
struct AppServices: Sendable {
    let store: any Store
    /// The shop's use cases (experiments; the trainer has its own copy).
    let shop: Shop
    /// The store file, when there is one: models, rules, back-tests and campaigns live beside it.
    let storePath: String?
    /// Where the shop's routes are mounted: `""`, or `/shops/NAME` on a server of several shops. Links, redirects
    /// and cookie paths the shop hands out start with it.
    let basePath: String
    /// The server's clock, read once per request that needs it (tests pin it).
    let now: @Sendable () -> Date
    /// What recommendations, segments, training and the dashboard are computed as of (`AsOfClock`).
    let asOf: @Sendable () -> Date
    /// The API keys, and the key that checks `customer_token`s: a public key personalizes only for a customer
    /// the shop vouches for.
    let keys: KeyRing
    let metrics: ServerMetrics
    let insights: InsightCache
    let recommendations: any RecommendationSource
    /// The served models, when the server has a store path to find them.
    let models: ModelRegistry?
    /// Trains new model versions in the server, when it has a store file.
    let trainer: ModelTrainer?
    /// The running experiments: which arm a visitor is in.
    let experiments: ExperimentDirectory
    /// Who is signed in to the dashboard.
    let dashboardSessions: DashboardSessions
    /// Deletes the whole shop, on a server of several shops (Shopify's `shop/redact`); `nil` on a server of one
    /// shop, whose store an unseen webhook should not delete. Returns what went.
    let deleteShop: (@Sendable () async throws -> [String])?
    /// The banner composer over the served models (`GET /v1/banner`).
    let banners = BannerComposers()
}

extension AppServices {
    /// What follows an erasure in a running server, whoever asked for it (`DELETE /v1/customers/{id}`, Shopify's
    /// `customers/redact`): no list is personal to them any more, the cached insights go, and the models that
    /// learned from them are retrained.
    func afterErasure(_ report: ErasureReport, named id: String? = nil) async {
        for customer in Set(report.customerIDs + (id.map { [$0] } ?? [])) {
            models?.stopPersonalizing(customer: customer)
        }
        await insights.invalidate()
        if report.customerFound { await trainer?.retrainAfterErasure(asOf: asOf()) }
    }
}
