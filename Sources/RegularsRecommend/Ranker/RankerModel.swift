import Foundation
import RegularsData

/// The learned ranker: gradient-boosted trees that score (customer, candidate) pairs from `RankerContext`'s
/// features; by default one model serves both list kinds (with the customer's own products, and new products
/// only), since "owned" is itself a feature.
///
/// Trained on the orders the snapshot already has: for each of `windows` 30-day windows ending at `asOf`
/// (the latest first: `[asOf − 30 d, asOf)`, then the month before, …), the candidate models are fitted on the
/// orders before the window and every customer who ordered in it gives one row per candidate, labelled 1 when they
/// bought it in the window. The same protocol as the offline evaluation, so what the trees learn is exactly
/// "what will this customer buy in the next 30 days".
public struct RankerModel: Sendable, Codable {
    public struct Settings: Sendable, Codable, Equatable {
        /// Training windows of 30 days before `asOf`; 3 beat 2 on the validation split (NDCG@20 +0.005 `all`).
        public var windows = 3
        /// The share of negative rows kept (positives are all kept); scores stay in the same order.
        public var negativeSampling = 0.3
        /// Fit a second model on the rows of products the customer never bought, for lists without them. One model
        /// for both did as well on the validation split, in half the time.
        public var separateNewModel = false
        /// Weight each positive row by 20 / min(20, |the customer's purchases in the window|), its share of
        /// Recall@20. Off: on the validation split it moved NDCG@20 by +0.002 (`all`) and −0.001 (`new`), noise.
        public var recallWeighting = false
        public var trees = GradientBoostedTrees.Settings()
        public init() {}
    }

    /// Scores lists that may contain the customer's own products.
    public let all: GradientBoostedTrees
    /// Scores lists of products the customer never bought.
    public let new: GradientBoostedTrees

    static let windowSeconds: Int64 = 30 * DayNumber.seconds

    /// Builds the training rows of every window and fits both models.
    static func train(on snapshot: Snapshot, asOf: Int64, settings: CollaborativeRecommender.Settings) -> Self {
        var rows: [Float] = [], labels: [Float] = [], owned: [Bool] = [], weights: [Float] = []
        for window in 0..<settings.ranker.windows {
            let start = asOf - Int64(window + 1) * windowSeconds
            let context = RankerContext(snapshot: snapshot, before: start, settings: settings)
            let sample = trainingRows(
                context: context, windowEnd: start + windowSeconds, negativeSampling: settings.ranker.negativeSampling,
                seed: settings.ranker.trees.seed &+ UInt64(window), recallWeighting: settings.ranker.recallWeighting)
            rows += sample.rows
            labels += sample.labels
            owned += sample.owned
            weights += sample.weights
        }
        let f = RankerContext.featureCount
        let all = GradientBoostedTrees.train(
            rows: rows, featureCount: f, labels: labels, weights: settings.ranker.recallWeighting ? weights : nil,
            settings: settings.ranker.trees)
        guard settings.ranker.separateNewModel else { return RankerModel(all: all, new: all) }
        // The new-products model learns from the rows of products the customer did not own.
        var newRows: [Float] = [], newLabels: [Float] = []
        for r in owned.indices where !owned[r] {
            newRows += rows[(r * f)..<((r + 1) * f)]
            newLabels.append(labels[r])
        }
        let new = GradientBoostedTrees.train(
            rows: newRows, featureCount: f, labels: newLabels, settings: settings.ranker.trees)
        return RankerModel(all: all, new: new)
    }

    /// Candidate rows of every customer who ordered in `[context.asOf, windowEnd)`, labelled by those orders.
    static func trainingRows(
        context: RankerContext, windowEnd: Int64, negativeSampling: Double, seed: UInt64, recallWeighting: Bool = false
    ) -> (rows: [Float], labels: [Float], owned: [Bool], weights: [Float]) {
        let history = context.history
        let snapshot = history.snapshot
        var customers: [CustomerIndex] = []
        var bought: [[ProductIndex]] = []
        for c in 0..<history.customerCount where history.row(CustomerIndex(c)).count > 0 {
            let end = Int(history.orderEnd[c])
            var products = Set<ProductIndex>()
            var order = end
            while order < Int(snapshot.customerOrderStart[c + 1]), snapshot.orderTime[order] < windowEnd {
                for line in snapshot.lines(of: order) { products.insert(snapshot.lineProduct[line]) }
                order += 1
            }
            if !products.isEmpty {
                customers.append(CustomerIndex(c))
                bought.append(Array(products))
            }
        }
        typealias Part = (rows: [Float], labels: [Float], owned: [Bool], weights: [Float])
        var parts = [Part](repeating: ([], [], [], []), count: customers.count)
        parts.withUnsafeMutableBufferPointer { parts in
            let out = UncheckedBox(parts)
            // Each iteration writes only its own customer's slot.
            Parallel.forEach(customers.count) { i in
                let customer = customers[i]
                let truth = Set(bought[i])
                let (products, owned, rows) = context.candidates(for: customer, includeOwn: true)
                var random = SeededRandom(seed: seed &* 0x9E37_79B9 &+ UInt64(customer))
                var part: Part = ([], [], [], [])
                // A hit is worth 1 / min(20, |truth|) of this customer's Recall@20.
                let hitWeight = Float(20) / Float(min(20, truth.count))
                let f = RankerContext.featureCount
                for (k, product) in products.enumerated() {
                    let positive = truth.contains(product)
                    if !positive, Double(random.next() >> 11) / Double(1 << 53) >= negativeSampling { continue }
                    part.rows += rows[(k * f)..<((k + 1) * f)]
                    part.labels.append(positive ? 1 : 0)
                    part.weights.append(positive ? hitWeight : 1)
                    part.owned.append(owned[k])
                }
                out.value[i] = part
            }
        }
        var rows: [Float] = [], labels: [Float] = [], owned: [Bool] = [], weights: [Float] = []
        for part in parts {
            rows += part.rows
            labels += part.labels
            owned += part.owned
            weights += part.weights
        }
        return (rows, labels, owned, weights)
    }
}
