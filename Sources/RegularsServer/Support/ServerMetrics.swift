import CoreMetrics
import Foundation
import Metrics
import Prometheus
import RegularsShop

/// The server's own metrics, beside the request counts and latencies of Hummingbird's `MetricsMiddleware`:
/// events ingested, the served model's version and age, how long it took to train, and versions refused.
///
/// Made with an explicit factory over the registry `/metrics` renders, so tests need no global bootstrap
/// for these; the request metrics use the global `MetricsSystem`, which `regulars serve` bootstraps once
/// with a `PrometheusMetricsFactory` over the same registry.
struct ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    /// `[("shop", NAME)]` when the server serves several shops (`serve --all-shops`), so that each shop's figures
    /// stay apart; empty for a server of one shop.
    let shop: [(String, String)]
    let eventsIngested: CoreMetrics.Counter
    let eventsDuplicate: CoreMetrics.Counter
    let modelVersion: CoreMetrics.Gauge
    /// Every shop's model age, brought up to date when `/metrics` is read (shared by the shops of one server).
    let modelAges: ModelAges
    /// Failed loads of a newer model version: a file of another format, or damaged, is tried once; a read error
    /// or a rules file with a mistake at each look.
    let modelLoadFailures: CoreMetrics.Counter
    /// Customers of the served model set whose personal list is computed ahead: 0 from a load until the lists are
    /// ready (`Recommender.precomputePersonalLists`).
    let personalLists: CoreMetrics.Gauge

    init(registry: PrometheusCollectorRegistry, shop: String? = nil, modelAges: ModelAges = ModelAges()) {
        self.registry = registry
        self.shop = shop.map { [("shop", $0)] } ?? []
        self.modelAges = modelAges
        let factory = PrometheusMetricsFactory(registry: registry)
        eventsIngested = CoreMetrics.Counter(
            label: "regulars_events_ingested_total", dimensions: self.shop, factory: factory)
        eventsDuplicate = CoreMetrics.Counter(
            label: "regulars_events_duplicate_total", dimensions: self.shop, factory: factory)
        modelVersion = CoreMetrics.Gauge(label: "regulars_model_version", dimensions: self.shop, factory: factory)
        modelLoadFailures = CoreMetrics.Counter(
            label: "regulars_model_load_failures_total", dimensions: self.shop, factory: factory)
        personalLists = CoreMetrics.Gauge(label: "regulars_personal_lists", dimensions: self.shop, factory: factory)
    }

    /// Records a newly served model set.
    func modelLoaded(version: Int, trainedAt: Date, trainingSeconds: [String: Double]) {
        modelVersion.record(Double(version))
        personalLists.record(0)
        let factory = PrometheusMetricsFactory(registry: registry)
        modelAges.trained(
            at: trainedAt, shop: shop.first?.1 ?? "",
            gauge: CoreMetrics.Gauge(label: "regulars_model_age_seconds", dimensions: shop, factory: factory))
        for (model, seconds) in trainingSeconds {
            CoreMetrics.Gauge(
                label: "regulars_model_training_seconds", dimensions: shop + [("model", model)], factory: factory
            )
            .record(seconds)
        }
    }

    /// A unit seen by an experiment's arm for the first time in this process (`regulars_experiment_units_total`,
    /// by experiment and arm; the store has the totals across restarts).
    func exposed(experiment: String, arm: String) {
        CoreMetrics.Counter(
            label: "regulars_experiment_units_total", dimensions: shop + [("experiment", experiment), ("arm", arm)],
            factory: PrometheusMetricsFactory(registry: registry)
        )
        .increment()
    }

    /// A Shopify webhook `received`, `duplicate`, `refused`, `processed` or `failed`
    /// (`regulars_webhooks_total`, by topic and result). A topic Regulars does not take counts as `other`, so that
    /// a caller cannot grow the label set.
    func webhook(topic: String, result: String) {
        CoreMetrics.Counter(
            label: "regulars_webhooks_total",
            dimensions: shop + [
                ("topic", ShopifyTopic(rawValue: topic) == nil ? "other" : topic), ("result", result),
            ],
            factory: PrometheusMetricsFactory(registry: registry)
        )
        .increment()
    }

    /// The Prometheus text exposition, with the model's age brought up to `now`.
    func render(now: Date) -> String {
        modelAges.record(now: now)
        return registry.emitToString()
    }
}

/// When each served model set was trained, by the gauge that shows its age: one per shop of the server.
final class ModelAges: Sendable {
    private let ages = Locked<[String: (gauge: CoreMetrics.Gauge, trainedAt: Date)]>([:])

    /// Notes a shop's newly served model set (`shop` is empty on a server of one shop).
    func trained(at date: Date, shop: String, gauge: CoreMetrics.Gauge) {
        ages.withLock { $0[shop] = (gauge, date) }
    }

    /// A shop no longer served: its age is no longer brought up to date.
    func forget(shop: String) {
        ages.withLock { $0[shop] = nil }
    }

    /// Brings every age up to `now`.
    func record(now: Date) {
        for (gauge, trainedAt) in ages.withLock({ $0 }).values { gauge.record(now.timeIntervalSince(trainedAt)) }
    }
}
