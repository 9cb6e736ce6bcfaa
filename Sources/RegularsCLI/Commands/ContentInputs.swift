import ArgumentParser
import Foundation
import RegularsContent
import RegularsData
import RegularsRecommend
import RegularsSegments

/// Everything the content commands read beside a store: snapshot, predictions, models, rules, voice and
/// templates. The latest trained models are used; without any, they are trained in memory (not saved).
enum ContentInputs {
    /// `snapshot`, `predictions` and `models` may be passed when the caller has them already (the demo).
    static func load(
        storePath: String, asOf: Date, generatedAt: Date, snapshot known: Snapshot? = nil,
        predictions: PredictionReport? = nil, models: ModelSet? = nil
    ) throws -> Campaign.Inputs {
        let store = try SQLiteStore(path: storePath)
        let snapshot = try known ?? store.snapshot(asOf: asOf)
        guard snapshot.orderCount > 0 else {
            throw ValidationError("no orders in \(storePath) before the as-of date; run `regulars import orders FILE` first")
        }
        let modelSet: ModelSet
        if let models {
            modelSet = models
        } else if let latest = ModelDirectory(storePath: storePath).latest {
            modelSet = try ModelSet.load(from: latest.url)
        } else {
            modelSet = ModelSet.train(on: snapshot, trainedAt: generatedAt)
        }
        let rules = try MerchandisingRules.load(from: MerchandisingRules.fileURL(storePath: storePath))
        let voice = try BrandVoice.load(from: BrandVoice.fileURL(storePath: storePath))
        let overrides = TemplateSet.overrideFolder(storePath: storePath)
        let templates = try TemplateSet.load(
            overrides: FileManager.default.fileExists(atPath: overrides.path) ? overrides : nil)
        return Campaign.Inputs(
            snapshot: snapshot, predictions: predictions ?? PredictionReport.make(snapshot: snapshot, asOf: asOf),
            recommender: Recommender(models: modelSet, rules: rules), voice: voice, templates: templates,
            handles: try store.productHandles(), asOf: asOf, generatedAt: generatedAt)
    }
}
