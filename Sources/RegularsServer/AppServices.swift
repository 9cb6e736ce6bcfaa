import Foundation
import RegularsData

/// What the routes share: the store, the clock, the caches and the metrics.
struct AppServices: Sendable {
    let store: any Store
    /// The server's clock, read once per request that needs it (tests pin it).
    let now: @Sendable () -> Date
    let keys: KeyRing
    let metrics: ServerMetrics
    let insights: InsightCache
    let recommendations: any RecommendationSource
    /// The served models, when the server has a store path to find them.
    let models: ModelRegistry?
}
