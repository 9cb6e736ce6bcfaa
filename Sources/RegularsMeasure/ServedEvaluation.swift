import Foundation
import RegularsData
import RegularsRecommend

/// The offline protocol (PROTOCOL.md) run on exactly what the API serves.
///
/// The orders file is imported into a fresh store with the same importer as `regulars import`, the model set is
/// trained as of the protocol's cutoff with `ModelSet.train` as `regulars train` does, and every test customer's
/// list comes from `Recommender` — the same placement, default rules and privacy guard as
/// `GET /v1/recommendations`. The `new` track asks the same placement to leave out what the customer owns.
/// So `regulars --store S --as-of CUTOFF recommend --placement home --customer C --n 20` on a store that
/// imported the same file and trained as of the cutoff gives the very lists this scores.
public enum ServedEvaluation {
    /// The placement that serves a known customer on the storefront.
    public static let placement = Placement.home

    /// What one served evaluation reports beyond the protocol's tables.
    public struct Serving: Sendable, Codable {
        public var placement: String
        /// The as-of moment the models were trained and the lists asked for: the protocol's cutoff.
        public var asOf: String
        /// Per track, test customers whose list was shorter than 20, and the rules that removed products from
        /// those lists (`already owned (durable)`: count).
        public var shortLists: [String: Int]
        public var shortListReasons: [String: [String: Int]]
        /// Per track, the served picks' purchase probabilities against what was bought in the 30 days after the
        /// cutoff, over every customer known at the cutoff (picks the ranker did not score are left out).
        public var reliability: [String: ReliabilityTable]

        enum CodingKeys: String, CodingKey {
            case placement, reliability
            case asOf = "as_of"
            case shortLists = "short_lists"
            case shortListReasons = "short_list_reasons"
        }
    }

    /// Imports `file` into a temporary store, trains as of the cutoff, asks the placement for 20 products per test
    /// customer and track, and scores the lists. With `validation`, the cutoff and test customers are those of
    /// the validation split (`HoldoutSplit.of`); the store still holds every order, and the models see only those
    /// before that cutoff.
    public static func evaluate(
        file: URL, displayName: String, lines: [SnapshotBuilder.Line], rules: MerchandisingRules = .init(),
        validation: Bool = false
    ) throws -> (report: EvaluationReport, serving: Serving, predictions: Predictions) {
        let split = try HoldoutSplit.of(lines, validation: validation)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regulars-evaluate-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("shop.sqlite").path)
        _ = try Importer.importOrders(
            from: file, displayName: displayName, format: Importer.detectFormat(of: file), options: .init(),
            into: store)
        let asOf = Date(timeIntervalSince1970: TimeInterval(split.cutoff))

        let clock = ContinuousClock()
        // A store that cannot give its snapshot fails the evaluation with its own error (`HoldoutSplit.of` has
        // already refused a split with nothing to train on).
        var trained: Result<ModelSet, any Error>?
        let trainTime = clock.measure {
            trained = Result { ModelSet.train(on: try store.snapshot(asOf: asOf), trainedAt: asOf) }
        }
        let models = try trained!.get()
        let recommender = Recommender(models: models, rules: rules)

        var lists: [Track: [CustomerIndex: [ProductIndex]]] = [:]
        var short: [String: Int] = [:]
        var reasons: [String: [String: Int]] = [:]
        var reliability: [String: ReliabilityTable] = [:]
        let predictTime = clock.measure {
            for track in Track.allCases {
                let customers = split.customers(of: track)
                let served = serve(
                    recommender, customers: customers.map { split.snapshot.customers[Int($0)].id },
                    excludeOwned: track == .new)
                var trackLists: [CustomerIndex: [ProductIndex]] = [:]
                for (customer, list) in zip(customers, served) {
                    guard let list else {
                        short[track.rawValue, default: 0] += 1
                        continue
                    }
                    trackLists[customer] = list.items.compactMap { split.snapshot.productIndexBySKU[$0.sku] }
                    guard list.items.count < OfflineEvaluation.listLength else { continue }
                    short[track.rawValue, default: 0] += 1
                    for event in list.events where event.kind == .excluded {
                        reasons[track.rawValue, default: [:]][event.detail, default: 0] += 1
                    }
                }
                lists[track] = trackLists
            }
        }
        for track in Track.allCases {
            reliability[track.rawValue] = Self.reliability(recommender, split: split, track: track)
        }
        let report = OfflineEvaluation.score(
            split: split, lists: lists, model: "served:\(placement.rawValue)", trainSeconds: trainTime,
            predictSeconds: predictTime)
        let serving = Serving(
            placement: placement.rawValue, asOf: OfflineEvaluation.isoString(split.cutoff), shortLists: short,
            shortListReasons: reasons, reliability: reliability)
        return (report, serving, Predictions(snapshot: split.snapshot, lists: lists))
    }

    /// The served probabilities against the purchases of the 30 days after the cutoff, over every customer known
    /// at the cutoff: a probability of buying within 30 days is checked on everyone it is served to, most of whom
    /// buy nothing (the protocol's test customers are only those who bought).
    static func reliability(_ recommender: Recommender, split: HoldoutSplit, track: Track) -> ReliabilityTable? {
        let snapshot = split.snapshot
        let customers = (0..<snapshot.customerCount).map { snapshot.customers[$0].id }
        let served = serve(recommender, customers: customers, excludeOwned: track == .new)
        var pairs: [(predicted: Double, bought: Bool)] = []
        for (c, list) in served.enumerated() {
            let truth = split.truth[track]?[CustomerIndex(c)] ?? []
            for item in list?.items ?? [] {
                guard let p = item.probability, let product = snapshot.productIndexBySKU[item.sku] else { continue }
                pairs.append((p, truth.contains(product)))
            }
        }
        return ReliabilityTable(pairs)
    }

    /// The placement's lists for these customers, on every core; `nil` for a customer the models do not know.
    static func serve(_ recommender: Recommender, customers: [CustomerID], excludeOwned: Bool)
        -> [RecommendationList?]
    {
        var results = [RecommendationList?](repeating: nil, count: customers.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = SendableBuffer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: customers.count) { i in
                let request = RecommendationRequest(
                    placement: placement, customer: customers[i], limit: OfflineEvaluation.listLength,
                    excludeOwned: excludeOwned)
                out.pointer[i] = try? recommender.recommend(request)
            }
        }
        return results
    }
}

public enum EvaluationError: Error, CustomStringConvertible {
    /// The split's cutoff comes before every line of the file.
    case nothingToTrainOn(cutoff: String, validation: Bool)

    public var description: String {
        switch self {
        case .nothingToTrainOn(let cutoff, let validation):
            "no order lines before the cutoff \(cutoff) to train on: the "
                + (validation
                    ? "validation split trains on the lines more than 60 days older than the newest"
                    : "protocol trains on the lines more than 30 days older than the newest")
        }
    }
}
