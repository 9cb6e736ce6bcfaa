import Foundation
import RegularsData

/// Training a model set from the store and saving it beside the store: what `regulars train`, `regulars
/// forget`, `POST /v1/admin/train` and the server's erasure share.
public enum ModelTraining {
    /// What one training produced.
    public struct Outcome: Sendable, Codable, Hashable {
        public var version: Int
        public var file: String
        /// The store's orders were read as of this date.
        public var asOf: Date
        public var trainedAt: Date
        public var customers: Int
        public var products: Int
        public var orders: Int
        /// Seconds per model.
        public var trainingSeconds: [String: Double]
    }

    public enum Failure: Error, CustomStringConvertible {
        case noOrders(asOf: Date)

        public var description: String {
            switch self {
            case .noOrders(let asOf):
                "the store has no orders before \(Timestamp.iso(Int64(asOf.timeIntervalSince1970))); import some first"
            }
        }
    }

    /// Trains every model on the store's orders before `asOf` and saves them as the next version.
    public static func trainAndSave(
        store: any Store, storePath: String, asOf: Date, trainedAt: Date
    ) throws -> Outcome {
        let snapshot = try store.snapshot(asOf: asOf)
        guard snapshot.orderCount > 0 else { throw Failure.noOrders(asOf: asOf) }
        let models = ModelSet.train(on: snapshot, trainedAt: trainedAt)
        let directory = ModelDirectory(storePath: storePath)
        let version = try directory.save(models)
        return Outcome(
            version: version, file: directory.file(version: version).path, asOf: asOf, trainedAt: trainedAt,
            customers: snapshot.customerCount, products: snapshot.productCount, orders: snapshot.orderCount,
            trainingSeconds: models.trainingSeconds)
    }

    /// Replaces every saved version by one trained on the store as it is now (after an erasure), at the
    /// as-of date of the newest saved version, so that no model file keeps a trace of an erased customer.
    /// Returns the new version, or `nil` when there were no models to replace.
    public static func retrainReplacingAll(
        store: any Store, storePath: String, fallbackAsOf: Date, trainedAt: Date
    ) throws -> Int? {
        let directory = ModelDirectory(storePath: storePath)
        // Half-written files of a killed training hold customers too: an erasure removes them whatever their age.
        directory.removeLeftovers()
        let old = directory.versions
        guard let newest = old.last else { return nil }
        let asOf = (try? ModelSet.header(of: directory.file(version: newest)).asOf) ?? fallbackAsOf
        let models = ModelSet.train(on: try store.snapshot(asOf: asOf), trainedAt: trainedAt)
        let version = try directory.save(models)
        for stale in old { try FileManager.default.removeItem(at: directory.file(version: stale)) }
        return version
    }
}
