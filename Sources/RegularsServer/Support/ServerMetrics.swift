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
    let eventsIngested: CoreMetrics.Counter
    let eventsDuplicate: CoreMetrics.Counter
    let modelVersion: CoreMetrics.Gauge
    let modelAge: CoreMetrics.Gauge
    let modelTrainedAt: Locked<Date?>
    /// Failed loads of a newer model version: a file of another format, or damaged, is tried once; a read error
    /// or a rules file with a mistake at each look.
    let modelLoadFailures: CoreMetrics.Counter

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        let factory = PrometheusMetricsFactory(registry: registry)
        eventsIngested = CoreMetrics.Counter(label: "regulars_events_ingested_total", factory: factory)
        eventsDuplicate = CoreMetrics.Counter(label: "regulars_events_duplicate_total", factory: factory)
        modelVersion = CoreMetrics.Gauge(label: "regulars_model_version", factory: factory)
        modelAge = CoreMetrics.Gauge(label: "regulars_model_age_seconds", factory: factory)
        modelTrainedAt = Locked(nil)
        modelLoadFailures = CoreMetrics.Counter(label: "regulars_model_load_failures_total", factory: factory)
    }

    /// Records a newly served model set.
    func modelLoaded(version: Int, trainedAt: Date, trainingSeconds: [String: Double]) {
        modelVersion.record(Double(version))
        modelTrainedAt.withLock { $0 = trainedAt }
        let factory = PrometheusMetricsFactory(registry: registry)
        for (model, seconds) in trainingSeconds {
            CoreMetrics.Gauge(
                label: "regulars_model_training_seconds", dimensions: [("model", model)], factory: factory
            )
            .record(seconds)
        }
    }

    /// A unit seen by an experiment's arm for the first time in this process (`regulars_experiment_units_total`,
    /// by experiment and arm; the store has the totals across restarts).
    func exposed(experiment: String, arm: String) {
        CoreMetrics.Counter(
            label: "regulars_experiment_units_total", dimensions: [("experiment", experiment), ("arm", arm)],
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
            dimensions: [("topic", ShopifyTopic(rawValue: topic) == nil ? "other" : topic), ("result", result)],
            factory: PrometheusMetricsFactory(registry: registry)
        )
        .increment()
    }

    /// The Prometheus text exposition, with the model's age brought up to `now`.
    func render(now: Date) -> String {
        if let trainedAt = modelTrainedAt.current { modelAge.record(now.timeIntervalSince(trainedAt)) }
        return registry.emitToString()
    }
}
