import Foundation
import Prometheus

/// How `regulars serve` (and the tests) run the server. Every key has a default, documented where it is declared.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; `127.0.0.1` keeps the server private to this machine.
    public var host = "127.0.0.1"
    /// The port; `0` picks a free one (the tests).
    public var port = 8080
    /// Origins allowed to call the public routes from a browser (`https://shop.example`); `*` allows any.
    public var allowedOrigins: [String] = []
    /// The store file whose saved models and rules the server reads; `nil` serves no models (503).
    public var storePath: String?
    /// How often the server looks for a newer model version.
    public var modelCheckInterval: Duration = .seconds(2)
    /// How often the server notes itself in the store, for the servers sharing it to split the rate limits.
    public var presenceInterval: Duration = .seconds(5)
    /// How the server is named when it notes itself: one name per process (each `ServerConfiguration` made gets a
    /// new one; two servers in one process, as in the tests, are two).
    public var serverID = UUID().uuidString
    /// The registry `/metrics` renders. `regulars serve` bootstraps the global `MetricsSystem` over it once
    /// per process, so Hummingbird's request metrics land there too.
    public var metrics: PrometheusCollectorRegistry
    /// Requests allowed with one public key (the storefront's, all visitors together); `nil` for no limit.
    /// Secret keys are the shop's own backend and are not limited.
    public var publicKeyRate: RateLimit? = RateLimit(perSecond: 500)
    /// Requests allowed from one client address with a public key; `nil` for no limit. A visitor's page asks
    /// for a few placements and sends an event batch now and then.
    public var clientAddressRate: RateLimit? = RateLimit(perSecond: 20)
    /// Whether the dashboard's cookie is `Secure` (sent over HTTPS only). Off only when the server is told
    /// it is reached over plain HTTP (`regulars serve --plain-http`); browsers treat 127.0.0.1 as secure.
    public var secureCookies = true
    /// How long a connection may stay without a whole request: a client that opens connections and sends
    /// nothing, or trickles its header (slowloris), is cut off after this.
    public var idleTimeout: Duration = .seconds(30)
    /// Whether `/metrics` answers anyone; by default it answers requests from this machine (loopback) and
    /// requests with a secret key.
    public var openMetrics = false
    /// After webhooks brought new orders or products, the models are retrained once the served ones are this old;
    /// `nil` never retrains on its own (`regulars train` or `POST /v1/admin/train` still do).
    public var retrainAfterChanges: Duration? = .seconds(24 * 3600)
    /// That retraining is queued as a job for `regulars worker` (on this machine or another on the same store)
    /// instead of run in the server, whose two cores stay for requests.
    public var trainInWorker = false
    /// How often stored webhooks whose retry is due (and a due retraining) are looked at.
    public var webhookRetryInterval: Duration = .seconds(15)
    /// On a server of several shops (`serve --all-shops`), a shop without a request for this long has its routes,
    /// models and background work let go (its next request builds them again); `nil` keeps every shop once opened.
    public var unloadIdleShopsAfter: Duration?
    /// Called once at start with a one-time dashboard sign-in link (`regulars serve` prints it), or `nil`.
    public var announceDashboardLink: (@Sendable (String) -> Void)?

    public init(metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.metrics = metrics
    }

    /// A free port on 127.0.0.1, for tests.
    public static var testing: ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.port = 0
        return configuration
    }
}
