import Foundation
import Logging
import RegularsData
import RegularsRecommend

/// Trains model sets inside the server (`POST /v1/admin/train`, and after an erasure), one at a time and off
/// the request path, then has the registry swap to the new version.
actor ModelTrainer {
    let store: any Store
    let storePath: String
    let registry: ModelRegistry
    let logger: Logger
    /// The server's clock: when a model set was trained.
    let now: @Sendable () -> Date
    private var training = false
    /// An erasure arrived while a training ran: retrain again when it ends, without the erased customer.
    private var erasurePending = false

    init(
        store: any Store, storePath: String, registry: ModelRegistry, logger: Logger, now: @escaping @Sendable () -> Date
    ) {
        self.now = now
        self.store = store
        self.storePath = storePath
        self.registry = registry
        self.logger = logger
    }

    /// Trains on the store as of `asOf`, saves the next version and serves it.
    /// - Throws: 409 while another training runs, 422 when the store has no orders.
    func train(asOf: Date) async throws -> ModelTraining.Outcome {
        guard !training else { throw APIError(.conflict, "a training is already running; try again when it ends") }
        training = true
        let store = store
        let storePath = storePath
        let trainedAt = now()
        let task = Task.detached(priority: .utility) {
            try ModelTraining.trainAndSave(store: store, storePath: storePath, asOf: asOf, trainedAt: trainedAt)
        }
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
        let store = store
        let storePath = storePath
        let trainedAt = now()
        let task = Task.detached(priority: .utility) {
            try ModelTraining.retrainReplacingAll(
                store: store, storePath: storePath, fallbackAsOf: asOf, trainedAt: trainedAt)
        }
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
