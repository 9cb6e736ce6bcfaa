import Foundation
import RegularsContent
import RegularsData
import RegularsRecommend
import RegularsSegments

/// One shop: its store, the files beside it, its clock, and the use cases the CLI and the server call.
///
/// The store, the latest model set, the rules, the voice and the templates used to be assembled by every
/// command and by the server; they are assembled here once. Nothing below this type reads the clock: it is
/// injected, and `asOf()` applies the one rule of `AsOf` to it.
public struct Shop: Sendable {
    public let store: any Store
    public let storePath: String
    /// Reads the clock (the real one in the CLI and server, a fixed date in tests).
    public let clock: @Sendable () -> Date
    /// A caller's `--as-of`, which wins over the clock and the data.
    public let explicitAsOf: Date?

    /// Opens the store at `storePath`: a SQLite file, or a PostgreSQL URL (see `StoreAddress`), whose files then
    /// live where the store names.
    public init(
        storePath: String, clock: @escaping @Sendable () -> Date, asOf: Date? = nil, readReplica: String? = nil
    ) throws {
        let address = try StoreAddress(storePath)
        let store = try address.open(readReplica: readReplica)
        self.init(
            store: store,
            storePath: try address.filesBase(store: store, environment: ProcessInfo.processInfo.environment),
            clock: clock, asOf: asOf)
    }

    /// A shop over an open store whose files live beside `storePath` (the server's).
    public init(store: any Store, storePath: String, clock: @escaping @Sendable () -> Date, asOf: Date? = nil) {
        self.store = store
        self.storePath = storePath
        self.clock = clock
        explicitAsOf = asOf
    }

    /// What models, segments and lists are computed as of: the explicit date, else the clock, else (for an
    /// old history) the day after the newest order, with a notice saying so.
    public func asOf() throws -> AsOf {
        AsOf.resolve(explicit: explicitAsOf, clock: clock(), newestOrder: try store.newestOrderAt())
    }

    public var modelDirectory: ModelDirectory { ModelDirectory(storePath: storePath) }

    /// The shop's merchandising rules (defaults when it has no rules file).
    public func rules() throws -> MerchandisingRules {
        try MerchandisingRules.load(from: MerchandisingRules.fileURL(storePath: storePath))
    }

    /// The shop's brand voice (defaults when it has no voice file).
    public func voice() throws -> BrandVoice { try BrandVoice.load(from: BrandVoice.fileURL(storePath: storePath)) }

    /// The templates, with the shop's overrides when it has any.
    public func templates() throws -> TemplateSet {
        let overrides = TemplateSet.overrideFolder(storePath: storePath)
        return try TemplateSet.load(overrides: FileManager.default.fileExists(atPath: overrides.path) ? overrides : nil)
    }

    /// The newest saved model set, or `ShopError.notTrained`.
    public func latestModels() throws -> (set: ModelSet, version: Int) {
        guard let latest = modelDirectory.latest else { throw ShopError.notTrained(storePath: storePath) }
        return (try ModelSet.load(from: latest.url), latest.version)
    }

    /// What every placement serves: the newest model set with the shop's rules.
    public func recommender() throws -> Recommender {
        Recommender(models: try latestModels().set, rules: try rules())
    }

    /// The newest saved version's recommender when it is newer than `version` (the server's hot swap), else
    /// `nil`. A set whose file cannot be read (an older format, a torn copy) throws and the caller keeps its own.
    public func recommender(newerThan version: Int) throws -> (recommender: Recommender, version: Int)? {
        guard let latest = modelDirectory.latest, latest.version > version else { return nil }
        return (Recommender(models: try ModelSet.load(from: latest.url), rules: try rules()), latest.version)
    }

    /// Trains every model as of `asOf` and saves them as the next version.
    public func train(asOf: Date) throws -> ModelTraining.Outcome {
        try ModelTraining.trainAndSave(store: store, storePath: storePath, asOf: asOf, trainedAt: clock())
    }

    /// Replaces every saved model version by one trained without erased customers, as of the newest version's
    /// date (else `fallbackAsOf`, else `asOf()`). Returns the new version, or `nil` when there were no models.
    public func retrainAfterErasure(fallbackAsOf: Date? = nil) throws -> Int? {
        try ModelTraining.retrainReplacingAll(
            store: store, storePath: storePath, fallbackAsOf: try fallbackAsOf ?? asOf().date, trainedAt: clock())
    }

    /// What a campaign or a brief needs: snapshot, predictions, the served recommender, voice and templates.
    /// Models are the newest saved ones, or trained in memory (not saved) when the shop has none.
    public func campaignInputs(
        asOf: Date, snapshot known: Snapshot? = nil, predictions: PredictionReport? = nil, models: ModelSet? = nil
    ) throws -> Campaign.Inputs {
        let snapshot = try known ?? store.snapshot(asOf: asOf)
        guard snapshot.orderCount > 0 else { throw ShopError.noOrders(storePath: storePath) }
        let generatedAt = clock()
        let modelSet =
            try models
            ?? (modelDirectory.latest == nil
                ? ModelSet.train(on: snapshot, trainedAt: generatedAt) : latestModels().set)
        var inputs = Campaign.Inputs(
            snapshot: snapshot, predictions: predictions ?? PredictionReport.make(snapshot: snapshot, asOf: asOf),
            recommender: Recommender(models: modelSet, rules: try rules()), voice: try voice(),
            templates: try templates(), handles: try store.productHandles(), asOf: asOf, generatedAt: generatedAt)
        inputs.tokenKey = try store.customerTokenKey()
        inputs.experiments = try store.experiments().filter(\.isRunning)
        inputs.preferences = try statedPreferences()
        // An experiment arm that lets the offer policy decide who gets the incentive needs the policy's plan.
        if inputs.experiments.contains(where: { $0.arms.contains { $0.recipe == "offer-policy" } }) {
            let plan = OfferPolicy.plan(
                report: inputs.predictions, snapshot: snapshot, settings: inputs.voice.offerSettings, budget: nil)
            inputs.offers = Set(plan.decisions.filter(\.offer).map(\.customerID))
        }
        // Sends are real events: "the last 30 days" are the clock's, whatever day the data is read as of.
        let sentUntil = Int64(generatedAt.timeIntervalSince1970) + 1
        inputs.recentlyEmailed = Set(
            try store.emailSends(from: sentUntil - 30 * DayNumber.seconds, to: sentUntil).map(\.customerID))
        if let holdout = try permanentHoldout() {
            inputs.heldOut = Set(snapshot.customers.map(\.id).filter { Self.isHeldOut($0, by: holdout) })
        }
        return inputs
    }
}

extension Shop {
    /// Writes a campaign's files into `folder`, notes them for erasure and records its sends: the one way a
    /// campaign leaves the product.
    @discardableResult
    public func export(_ campaign: Campaign, templates: TemplateSet, to folder: URL) throws -> CampaignSummary {
        let summary = try CampaignExport.write(campaign, templates: templates, to: folder)
        for name in summary.files {
            try store.record(
                writtenFile: WrittenFile(path: folder.appendingPathComponent(name).path, kind: .campaignExport))
        }
        try recordSends(of: campaign)
        return summary
    }

    /// Records who `campaign` went to (with their link tokens), so revenue per e-mail has its denominator and
    /// the widget's `email_click`s resolve to their recipients. Composing the same campaign again adds nothing.
    public func recordSends(of campaign: Campaign) throws {
        try store.record(sends: campaign.sends)
        try store.record(exposures: campaign.exposures)
    }
}

/// What a shop cannot do yet, in words that say what to run.
public enum ShopError: Error, CustomStringConvertible, Equatable {
    case notTrained(storePath: String)
    case noOrders(storePath: String)
    /// A job of a kind this version does not know (queued by a newer one).
    case unknownJob(String)
    /// A job whose argument its kind cannot use (a campaign for no known segment).
    case badJobArgument(kind: String, argument: String?)

    public var description: String {
        switch self {
        case .badJobArgument(let kind, let argument):
            "a \(kind) job needs "
                + (kind == Job.Kind.campaign.rawValue
                    ? "a segment (" + LifecycleSegment.allCases.map(\.rawValue).joined(separator: ", ") + ")"
                    : "no argument")
                + (argument.map { ", not '\($0.prefix(40))'" } ?? "")
        case .unknownJob(let kind):
            "no job kind '\(kind.prefix(40))'; expected one of "
                + Job.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        case .notTrained(let path): "no trained models for \(path); run `regulars train --store \(path)` first"
        case .noOrders(let path):
            "no orders in \(path) before the as-of date; run `regulars import orders FILE` first"
        }
    }
}
