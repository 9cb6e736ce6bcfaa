import Foundation
import RegularsData

/// A product one of the explainable models proposes, with the evidence the reasons layer turns into words.
///
/// Scores are comparable within one model's answer only. `anchor` is the product that produced the
/// proposal (the one bought before, or the basket item it goes with), when there is one; it is repeated in
/// `evidence` so that a reason can be built from the evidence alone.
public struct ExplainedScore: Sendable, Hashable, Codable {
    /// Why a product was proposed: an explicit signal only, never an inferred private fact.
    public enum Evidence: Sendable, Hashable, Codable {
        /// A recency-weighted bestseller, overall (`category == nil`) or in one category (index into
        /// `Snapshot.categories`).
        case popular(category: Int32?)
        /// Selling faster in the last days than over the longer window before them ("trending").
        case trending(category: Int32?)
        /// The customer buys this again about every `everyDays` days; `dueInDays` is negative when overdue.
        case due(everyDays: Float, dueInDays: Float)
        /// Often bought together with (or within days after) `anchor`.
        case boughtTogether(anchor: ProductIndex)
        /// Customers who bought `after` went on to buy this, typically `medianLagDays` days later.
        case nextStep(after: ProductIndex, medianLagDays: Float)
        /// Like `to` in title, category, tags, vendor and price.
        case similar(to: ProductIndex)
    }

    public var product: ProductIndex
    /// Higher is better; the unit depends on the model (see its doc comment).
    public var score: Float
    /// The product that produced the proposal, if any.
    public var anchor: ProductIndex?
    public var evidence: Evidence

    public init(product: ProductIndex, score: Float, anchor: ProductIndex? = nil, evidence: Evidence) {
        self.product = product
        self.score = score
        self.anchor = anchor
        self.evidence = evidence
    }
}

/// Keeps the `limit` best `(product, score)` pairs offered, ties broken by the lower product index.
///
/// A min-heap: `offer` is O(log limit); used by training (top-N neighbours per row) and by the queries.
struct ExplainableTopList {
    let limit: Int
    private(set) var products: [ProductIndex] = []
    private(set) var scores: [Float] = []

    init(limit: Int) {
        self.limit = max(0, limit)
        products.reserveCapacity(self.limit)
        scores.reserveCapacity(self.limit)
    }

    /// `a` ranks below `b`.
    @inline(__always) private func worse(_ i: Int, _ j: Int) -> Bool {
        scores[i] < scores[j] || (scores[i] == scores[j] && products[i] > products[j])
    }

    /// Would `(product, score)` enter the list?
    @inline(__always) func admits(_ product: ProductIndex, _ score: Float) -> Bool {
        guard limit > 0 else { return false }
        if products.count < limit { return true }
        return scores[0] < score || (scores[0] == score && products[0] > product)
    }

    mutating func offer(_ product: ProductIndex, _ score: Float) {
        guard admits(product, score) else { return }
        if products.count < limit {
            products.append(product)
            scores.append(score)
            var child = products.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard worse(child, parent) else { break }
                swap(child, parent)
                child = parent
            }
        } else {
            products[0] = product
            scores[0] = score
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < products.count else { break }
                var smallest = left
                if left + 1 < products.count, worse(left + 1, left) { smallest = left + 1 }
                guard worse(smallest, parent) else { break }
                swap(smallest, parent)
                parent = smallest
            }
        }
    }

    private mutating func swap(_ i: Int, _ j: Int) {
        products.swapAt(i, j)
        scores.swapAt(i, j)
    }

    /// The kept pairs, best first.
    func sorted() -> [(product: ProductIndex, score: Float)] {
        zip(products, scores).map { (product: $0, score: $1) }.sorted {
            $0.score != $1.score ? $0.score > $1.score : $0.product < $1.product
        }
    }
}
