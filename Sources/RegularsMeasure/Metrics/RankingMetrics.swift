import Foundation

/// Recall, NDCG, hit rate and coverage at one cut-off K, as `score.py evaluate` computes them (PROTOCOL.md §4).
public struct MetricsAtK: Sendable, Codable, Equatable {
    public var k: Int
    public var recall: Double
    public var ndcg: Double
    public var hitRate: Double
    public var coverage: Double
}

/// One track's scores: the mean over the track's customers (a missing list scores 0) at K = 10 and 20.
public struct TrackMetrics: Sendable, Codable, Equatable {
    public var track: Track
    public var customers: Int
    public var customersWithPredictions: Int
    public var atK: [MetricsAtK]

    public subscript(k: Int) -> MetricsAtK? { atK.first { $0.k == k } }

    /// The table `score.py score` prints for one track, to 4 decimals.
    public var table: String {
        var lines = [
            "track=\(track.rawValue) customers=\(customers) with_predictions=\(customersWithPredictions)",
            "metric      " + atK.map { pad("@\($0.k)", 10) }.joined(),
        ]
        let rows: [(String, KeyPath<MetricsAtK, Double>)] = [
            ("recall", \.recall), ("ndcg", \.ndcg), ("hitrate", \.hitRate), ("coverage", \.coverage),
        ]
        for (name, path) in rows {
            lines.append(
                name.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + atK.map { pad(String(format: "%.4f", $0[keyPath: path]), 10) }.joined())
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

/// The metric arithmetic of PROTOCOL.md §4, independent of how ids are represented.
public enum RankingMetrics {
    public static let cutoffs = [10, 20]

    /// Scores ranked lists against truth sets.
    ///
    /// - Parameters:
    ///   - customers: the track's customers (every one stays in the mean).
    ///   - lists: each customer's list, best first (absent: scores 0).
    ///   - truth: each customer's truth set (non-empty).
    ///   - history: for the `new` track, the customer's train items, removed from the list (order kept, no
    ///     refill) before cutting to K; `nil` for `all`.
    ///   - catalog: which items count for coverage, and how many there are.
    public static func score<Customer: Hashable, Item: Hashable>(
        track: Track, customers: [Customer], lists: [Customer: [Item]], truth: [Customer: Set<Item>],
        history: ((Customer) -> Set<Item>)?, isInCatalog: (Item) -> Bool, catalogCount: Int,
        cutoffs: [Int] = cutoffs
    ) -> TrackMetrics {
        let kMax = cutoffs.max() ?? 0
        var sums = [(Double, Double, Double)](repeating: (0, 0, 0), count: cutoffs.count)
        var recommended = [Set<Item>](repeating: [], count: cutoffs.count)
        var withPredictions = 0
        for customer in customers {
            guard let relevant = truth[customer] else { continue }
            var list = lists[customer] ?? []
            // A predictions file has no line for an empty list, so score.py does not count it.
            if !list.isEmpty { withPredictions += 1 }
            if let history {
                let bought = history(customer)
                list = list.filter { !bought.contains($0) }
            }
            list = Array(list.prefix(kMax))
            for (index, k) in cutoffs.enumerated() {
                let top = list.prefix(k)
                var hits = 0.0, dcg = 0.0
                for (i, item) in top.enumerated() where relevant.contains(item) {
                    hits += 1
                    dcg += 1 / log2(Double(i + 2))
                }
                let relevantCount = min(k, relevant.count)
                var ideal = 0.0
                for j in 0..<relevantCount { ideal += 1 / log2(Double(j + 2)) }
                sums[index].0 += hits / Double(relevantCount)
                sums[index].1 += dcg / ideal
                sums[index].2 += hits > 0 ? 1 : 0
                recommended[index].formUnion(top)
            }
        }
        let n = Double(max(customers.count, 1))
        let atK = cutoffs.enumerated().map { index, k in
            MetricsAtK(
                k: k, recall: sums[index].0 / n, ndcg: sums[index].1 / n, hitRate: sums[index].2 / n,
                coverage: Double(recommended[index].filter(isInCatalog).count) / Double(max(catalogCount, 1)))
        }
        return TrackMetrics(
            track: track, customers: customers.count, customersWithPredictions: withPredictions, atK: atK)
    }
}
