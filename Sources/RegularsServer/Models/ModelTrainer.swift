import Foundation
import Logging
import RegularsData
import RegularsRecommend
import RegularsShop

/// Trains model sets inside the server (`POST /v1/admin/train`, and after an erasure), one at a time and off
/// the request path, then has the registry swap to the new version.
actor ModelTrainer {
    /// The shop's use cases, on the server's clock: training and retraining after an erasure, as the CLI does.
    let shop: Shop
    let registry: ModelRegistry
    let logger: Logger
    private var training = false
    /// An erasure arrived while a training ran: retrain again when it ends, without the erased customer.
    private var erasurePending = false

    init(shop: Shop, registry: ModelRegistry, logger: Logger) {
        self.shop = shop
        self.registry = registry
        self.logger = logger
    }

    /// Trains on the store as of `asOf`, saves the next version and serves it.
    /// - Throws: 409 while another training runs, 422 when the store has no orders.
    func train(asOf: Date) async throws -> ModelTraining.Outcome {
        guard !training else { throw APIError(.conflict, "a training is already running; try again when it ends") }
        training = true
        let shop = shop
        let task = Task.detached(priority: .utility) { try shop.train(asOf: asOf) }
        let result = await task.result
        if case .success(let outcome) = result {
            await registry.refresh()
            logger.info("trained model version \(outcome.version) on \(outcome.orders) orders")
        }
        training = false
        // Whether it worked or not, an erasure that arrived meanwhile still gets its retraining.
        await retrainIfErasurePending(asOf: asOf)
        do {
            return try result.get()
        } catch let failure as ModelTraining.Failure {
            throw APIError(.unprocessableContent, failure.description)
        }
    }

    /// Trains in the background (new orders arrived), unless a training runs. Returns whether one started.
    func trainInBackground(asOf: Date) -> Bool {
        guard !training else { return false }
        Task {
            do {
                _ = try await self.train(asOf: asOf)
            } catch {
                logger.warning("training after new orders failed: \(error)")
            }
        }
        return true
    }

    /// After an erasure: replaces every saved model version by one trained without the customer, in the
    /// background. Erasures that arrive meanwhile are folded into one more retraining.
    func retrainAfterErasure(asOf: Date) {
        guard !training else {
            erasurePending = true
            return
        }
        training = true
        Task { await self.replaceAll(asOf: asOf) }
    }

    private func replaceAll(asOf: Date) async {
        defer { training = false }
        erasurePending = false
        let shop = shop
        let task = Task.detached(priority: .utility) { try shop.retrainAfterErasure(fallbackAsOf: asOf) }
        do {
            if let version = try await task.value {
                await registry.refresh()
                logger.info("retrained after an erasure: model version \(version) replaces the older ones")
            }
        } catch {
            logger.error("retraining after an erasure failed: \(error)")
        }
        await retrainIfErasurePending(asOf: asOf)
    }

    private func retrainIfErasurePending(asOf: Date) async {
        guard erasurePending else { return }
        erasurePending = false
        training = true
        await replaceAll(asOf: asOf)
    }
}
