import Metrics
import Prometheus

/// The process's one Prometheus registry, with the global `MetricsSystem` bootstrapped over it on first use.
///
/// `MetricsSystem.bootstrap` may run only once per process: `regulars serve` reads `shared` once, and a test
/// process shares it between all its applications (pass it as `ServerConfiguration.metrics`).
public enum MetricsBootstrap {
    public static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
