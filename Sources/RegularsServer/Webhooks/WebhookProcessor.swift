import Foundation
import Logging
import RegularsData
import RegularsShop
import ServiceLifecycle

/// Processes stored webhook deliveries, oldest first, one at a time: on start (what a stopped server left), soon
/// after each new delivery, and every `retryInterval` for failed ones whose retry is due.
///
/// A service of the application, so it stops with the server. One processor per server: deliveries are
/// processed in the order they were received, and an `orders/updated` never overtakes its `orders/create`.
final class WebhookProcessor: Service, Sendable {
    private let services: AppServices
    private let logger: Logger
    private let retryInterval: Duration
    private let retrainAfter: Duration?
    /// Queue training for `regulars worker` instead of training in this process.
    private let trainInWorker: Bool
    /// Set by `notify`, read by the loop: a new delivery is waiting.
    private let woken = Locked(false)
    /// Orders or products changed since the last training this processor started.
    private let stale = Locked(false)

    init(services: AppServices, logger: Logger, retryInterval: Duration, retrainAfter: Duration?, trainInWorker: Bool) {
        self.services = services
        self.logger = logger
        self.retryInterval = retryInterval
        self.retrainAfter = retrainAfter
        self.trainInWorker = trainInWorker
    }

    /// A delivery was stored: process it soon.
    func notify() { woken.withLock { $0 = true } }

    func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            while !Task.isCancelled {
                await drain()
                await retrainIfStale()
                await waitForWork()
            }
        }
    }

    /// Sleeps until `notify` or the retry interval, in short steps so that a new delivery waits little.
    private func waitForWork() async {
        let step = Duration.milliseconds(50)
        var waited = Duration.zero
        while waited < retryInterval, !Task.isCancelled {
            if woken.withLock({ woken in
                defer { woken = false }; return woken
            }) {
                return
            }
            try? await Task.sleep(for: step)
            waited += step
        }
    }

    /// Processes every delivery that is due; returns how many it processed (tests call it directly).
    @discardableResult
    func drain() async -> Int {
        var processed = 0
        // Once a pass: a delivery whose outcome could not be written (the store locked, the disk full) is still
        // due, and must wait for the next pass instead of spinning this one.
        var tried = Set<String>()
        while true {
            let now = Int64(services.now().timeIntervalSince1970)
            guard let due = try? services.store.pendingDeliveries(dueAt: now, limit: 50) else { return processed }
            let batch = due.filter { !tried.contains($0.id) }
            if batch.isEmpty { return processed }
            for delivery in batch {
                tried.insert(delivery.id)
                await process(delivery, at: now)
                processed += 1
            }
        }
    }

    /// The shop's data changed: its models are retrained once the served ones are `retrainAfter` old (or when none
    /// are served), here or, with `trainInWorker`, by queuing a job for `regulars worker`. Checked after every
    /// pass, so orders that keep arriving lead to one training a period, not one per order.
    private func retrainIfStale() async {
        guard let retrainAfter, stale.current else { return }
        let now = services.now()
        if let trainedAt = services.models?.served?.models.trainedAt,
            now.timeIntervalSince(trainedAt) < Double(retrainAfter.components.seconds)
        {
            return
        }
        let started: Bool
        if trainInWorker {
            // Queued, or one is waiting already: either way a worker will train on these orders.
            _ = try? services.store.enqueue(job: .train, at: Int64(now.timeIntervalSince1970))
            started = true
        } else if let trainer = services.trainer {
            started = await trainer.trainInBackground(asOf: services.asOf())
        } else {
            started = false
        }
        if started { stale.withLock { $0 = false } }
    }

    private func process(_ delivery: WebhookDelivery, at now: Int64) async {
        do {
            if delivery.topic == ShopifyTopic.shopRedact.rawValue, let deleteShop = services.deleteShop {
                // The delivery goes with the rest of the shop: nothing is left to mark done.
                let gone = try await deleteShop()
                services.metrics.webhook(topic: delivery.topic, result: "processed")
                logger.notice("shop/redact: the shop is deleted", metadata: ["removed": "\(gone.count)"])
                return
            }
            let outcome = try services.shop.process(delivery: delivery)
            try services.store.finish(
                delivery: delivery.id, at: now, outcome: outcome.summary, error: nil, namedErased: outcome.namedErased)
            if let erasure = outcome.erasure {
                await services.afterErasure(erasure)
            } else {
                await services.insights.invalidate()
                if outcome.changedData { stale.withLock { $0 = true } }
            }
            services.metrics.webhook(topic: delivery.topic, result: "processed")
            // Topic and outcome only: an order's name or a customer's e-mail never reach the log.
            logger.info("webhook processed", metadata: ["topic": "\(delivery.topic)", "outcome": "\(outcome.summary)"])
        } catch {
            let message = (error as? ShopifyPayloadError)?.description ?? "\(type(of: error)): \(error)"
            try? services.store.finish(delivery: delivery.id, at: now, outcome: nil, error: message, namedErased: false)
            services.metrics.webhook(topic: delivery.topic, result: "failed")
            logger.warning(
                "webhook failed", metadata: ["topic": "\(delivery.topic)", "attempt": "\(delivery.attempts + 1)"])
        }
    }
}
