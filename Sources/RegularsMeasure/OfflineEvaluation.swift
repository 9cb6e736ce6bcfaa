import Foundation
import RegularsData
import RegularsRecommend

/// What `regulars evaluate` prints: the protocol's tables per track plus the cost of getting them.
public struct EvaluationReport: Sendable, Codable {
    public var model: String
    /// `T_max − 30 days`, ISO 8601 UTC, as `score.py` prints it.
    public var cutoff: String
    public var trainLines: Int
    public var testLines: Int
    public var tracks: [TrackMetrics]
    /// The `new` track scored on the `all` lists, as `score.py score DATA p.csv --track new` scores the
    /// `--out` file itself (the `new` lists, which leave out what the customer owns, are in `p-new.csv`).
    public var newTrackOnAllLists: TrackMetrics?
    /// Wall-clock seconds to train (both tracks) and to predict every track's lists.
    public var trainSeconds: Double
    public var predictSeconds: Double
    /// The process's peak resident memory (`VmHWM`), when the platform reports it.
    public var peakMemoryBytes: Int?

    /// `score.py score`'s output for every track, then the costs.
    public var text: String {
        var parts = ["model=\(model) cutoff=\(cutoff) train_lines=\(trainLines) test_lines=\(testLines)"]
        parts += tracks.map(\.table)
        if let newTrackOnAllLists {
            parts.append(
                "the same `new` track scored on the `all` lists (the --out file itself):\n" + newTrackOnAllLists.table)
        }
        var cost = String(format: "train %.2f s, predict %.2f s", trainSeconds, predictSeconds)
        if let peakMemoryBytes { cost += String(format: ", peak memory %.0f MB", Double(peakMemoryBytes) / 1_048_576) }
        parts.append(cost)
        return parts.joined(separator: "\n")
    }
}

/// The lists one evaluation produced: per track, for each of the track's customers, up to 20 products.
public struct Predictions: Sendable {
    public var snapshot: Snapshot
    public var lists: [Track: [CustomerIndex: [ProductIndex]]]
}

/// The offline protocol end to end (PROTOCOL.md): split, train, predict, score.
public enum OfflineEvaluation {
    /// Lists are this long, the protocol's largest K.
    public static let listLength = 20

    /// Splits `lines` at `T_max − 30 days`, trains `model` on the train lines, predicts 20 products per test
    /// customer and track (`new`: never the customer's own products) and scores them.
    ///
    /// - Parameter validation: apply the protocol to the train lines only, at `cutoff − 30 days` (§7): the split
    ///   every setting is tuned on.
    public static func evaluate(
        lines: [SnapshotBuilder.Line], model: RecommenderKind = .ranker,
        settings: CollaborativeRecommender.Settings = .init(), validation: Bool = false
    ) throws -> (report: EvaluationReport, predictions: Predictions) {
        evaluate(split: try .of(lines, validation: validation), model: model, settings: settings)
    }

    /// Trains and scores on an existing split.
    public static func evaluate(
        split: HoldoutSplit, model: RecommenderKind, settings: CollaborativeRecommender.Settings
    ) -> (report: EvaluationReport, predictions: Predictions) {
        let clock = ContinuousClock()
        let asOf = Date(timeIntervalSince1970: TimeInterval(split.cutoff))
        var recommender: (any CustomerRecommender)?
        let trainTime = clock.measure { recommender = model.train(on: split.snapshot, asOf: asOf, settings: settings) }
        var lists: [Track: [CustomerIndex: [ProductIndex]]] = [:]
        let predictTime = clock.measure {
            for track in Track.allCases {
                lists[track] = predict(
                    recommender!, customers: split.customers(of: track), excludeHistory: track == .new)
            }
        }
        let report = score(
            split: split, lists: lists, model: model.rawValue, trainSeconds: trainTime, predictSeconds: predictTime)
        return (report, Predictions(snapshot: split.snapshot, lists: lists))
    }

    /// Scores every track's lists (PROTOCOL.md §4) into the report `score.py` would print, with the costs.
    static func score(
        split: HoldoutSplit, lists: [Track: [CustomerIndex: [ProductIndex]]], model: String, trainSeconds: Duration,
        predictSeconds: Duration
    ) -> EvaluationReport {
        let snapshot = split.snapshot
        var histories: [CustomerIndex: Set<ProductIndex>] = [:]
        for customer in split.testCustomers {
            histories[customer] = HoldoutSplit.trainProducts(of: customer, in: snapshot)
        }
        let tracks = Track.allCases.map { track in
            RankingMetrics.score(
                track: track, customers: split.customers(of: track), lists: lists[track] ?? [:],
                truth: split.truth[track]!, history: track == .new ? { histories[$0] ?? [] } : nil,
                isInCatalog: { $0 >= 0 }, catalogCount: snapshot.productCount)
        }
        let newOnAll = RankingMetrics.score(
            track: .new, customers: split.customers(of: .new), lists: lists[.all] ?? [:], truth: split.truth[.new]!,
            history: { histories[$0] ?? [] }, isInCatalog: { $0 >= 0 }, catalogCount: snapshot.productCount)
        return EvaluationReport(
            model: model, cutoff: isoString(split.cutoff), trainLines: split.trainLineCount,
            testLines: split.testLineCount, tracks: tracks, newTrackOnAllLists: newOnAll,
            trainSeconds: seconds(trainSeconds), predictSeconds: seconds(predictSeconds),
            peakMemoryBytes: ProcessMemory.peakResidentBytes())
    }

    /// Lists for many customers on every core.
    public static func predict(
        _ recommender: any CustomerRecommender, customers: [CustomerIndex], excludeHistory: Bool,
        limit: Int = listLength
    ) -> [CustomerIndex: [ProductIndex]] {
        var results = [[ProductIndex]](repeating: [], count: customers.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = SendableBuffer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: customers.count) { i in
                out.pointer[i] = recommender.recommend(
                    customer: customers[i], limit: limit, excludeHistory: excludeHistory
                ).map(\.product)
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(customers, results))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// `2011-11-09T12:50:00Z`.
    public static func isoString(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

/// A pointer that `concurrentPerform` workers write through at distinct indexes.
struct SendableBuffer<T>: @unchecked Sendable {
    // Safe: every worker writes only its own index.
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
