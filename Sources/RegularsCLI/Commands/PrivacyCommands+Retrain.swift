import Foundation
import RegularsData
import RegularsRecommend

extension ForgetCommand {
    /// Replaces every saved model version by one trained without the erased customer, so no model file
    /// keeps a trace of them. Returns the new version, or `nil` when there were no models.
    static func retrainWithout(storePath: String, store: any Store, asOf: Date) throws -> Int? {
        let directory = ModelDirectory(storePath: storePath)
        let old = directory.versions
        guard !old.isEmpty else { return nil }
        let previousAsOf = (try? ModelSet.header(of: directory.file(version: old.last!)).asOf) ?? asOf
        let models = ModelSet.train(on: try store.snapshot(asOf: previousAsOf), trainedAt: Date())
        let version = try directory.save(models)
        for stale in old { try FileManager.default.removeItem(at: directory.file(version: stale)) }
        return version
    }
}
