import Foundation
import RegularsData

/// "Often bought together": for each product, the products its buyers added to the same order or bought
/// within `windowDays` after it, recency-weighted and normalised so that bestsellers do not swamp the list.
///
/// For anchor `a` and candidate `b`, `co(a, b)` sums over distinct customers who bought `b` with or after
/// `a` the weight `0.5 ^ (ageDays / halfLifeDays)` of their latest such anchor purchase (times
/// `laterOrderWeight` when `b` came in a later order). With `n(p)` the same recency-weighted count of
/// customers who bought `p` and `N` that of all customers,
///
///     score(a, b) = co(a, b) / (n(a) + k) * ((N + k) / (n(b) + k)) ^ damping * boost
///
/// a conditional probability shrunk by `k = shrinkage` pseudo-customers (few buyers, little confidence)
/// times a damped inverse base rate (`damping` 1 gives a shrunk lift, 0 plain co-purchase probability), and
/// `boost = crossCategoryBoost` when the two products are in different categories ("complements beat
/// more-of-the-same"). Pairs need `minimumCustomers` distinct customers. Each product keeps its best
/// `neighbourCount` candidates. Training is O(pairs) with one dense row at a time, no hashing.
public struct ComplementsModel: Sendable, Codable {
    public struct Settings: Sendable, Codable, Equatable {
        /// A later order of the same customer within this many days of the anchor's still counts, days.
        public var windowDays = 14.0
        /// Weight of a pair from a later order, relative to one from the same order.
        public var laterOrderWeight: Float = 0.8
        /// Half-life of a purchase's weight, days.
        public var halfLifeDays = 365.0
        /// Pseudo-customers added to the anchor's count.
        public var shrinkage: Float = 5
        /// Exponent of the inverse base rate of the candidate (0 … 1).
        public var damping: Float = 0.5
        /// Multiplier for a candidate in another category than the anchor.
        public var crossCategoryBoost: Float = 1.5
        /// Fewest distinct customers behind a pair.
        public var minimumCustomers = 2
        /// Neighbours kept per product.
        public var neighbourCount = 30
        /// Popular products turn up beside everything by chance. When set, a pair scores only what its
        /// co-purchases exceed the count independent buying would give, and is kept only when that excess is
        /// this many standard deviations clear of chance (Poisson). `nil` (model files saved before it
        /// existed) scores raw co-purchases.
        public var chanceMargin: Float? = 2
        public init() {}
    }

    /// One stored neighbour of a product.
    public struct Neighbour: Sendable, Hashable, Codable {
        public var product: ProductIndex
        public var score: Float
        /// Distinct customers who bought the pair (unweighted).
        public var customers: Int
    }

    public let settings: Settings
    public let asOf: Date
    /// Best complements per product, best first.
    public let neighbours: ProductNeighbours
    /// Distinct customers behind each stored pair, parallel to `neighbours.neighbour`.
    public let support: [Int32]

    /// Trains on `snapshot` as if today were `asOf`. Pure; O(pairs within the window + products × neighbours).
    public static func train(on snapshot: Snapshot, asOf: Date, settings: Settings = .init()) -> Self {
        let productCount = snapshot.productCount
        let now = Int64(asOf.timeIntervalSince1970.rounded(.down))
        let window = DayNumber.seconds(settings.windowDays)
        let decay = -log(2.0) / (settings.halfLifeDays * DayNumber.interval)
        let weight: (Int64) -> Float = { time in Float(exp(decay * Double(now - time))) }
        let buyers = RecencyWeightedBuyers(snapshot, before: now, weight: weight)
        let occurrences = ProductOccurrences(snapshot)
        let category = snapshot.products.map(\.category)
        let inverseBaseRate = buyers.count.map {
            pow((buyers.total + settings.shrinkage) / ($0 + settings.shrinkage), settings.damping)
        }

        var neighbours = ProductNeighbours(expectedRows: productCount)
        var support: [Int32] = []
        // Dense scratch rows, reset through `touched` after each anchor.
        let co = UnsafeMutableBufferPointer<Float>.allocate(capacity: productCount)
        let customers = UnsafeMutableBufferPointer<Int32>.allocate(capacity: productCount)
        let visited = UnsafeMutableBufferPointer<Int32>.allocate(capacity: productCount)
        co.initialize(repeating: 0)
        customers.initialize(repeating: 0)
        visited.initialize(repeating: -1)
        defer {
            co.deallocate()
            customers.deallocate()
            visited.deallocate()
        }
        var touched: [Int] = []
        var visit: Int32 = 0
        snapshot.withOrderColumns { columns in
            for a in 0..<productCount {
                let range = occurrences.orders(of: a)
                var i = range.lowerBound
                while i < range.upperBound {
                    let customer = columns.orderCustomer[Int(occurrences.order[i])]
                    var j = i
                    while j < range.upperBound, columns.orderCustomer[Int(occurrences.order[j])] == customer { j += 1 }
                    visit += 1
                    let customerEnd = columns.ordersEnd(of: customer)
                    // Newest anchor purchase first, so that a pair takes the weight of its latest occasion.
                    for k in (i..<j).reversed() {
                        let order = Int(occurrences.order[k])
                        let time = columns.orderTime[order]
                        guard time < now else { continue }
                        let w = weight(time)
                        var next = order
                        while next < customerEnd {
                            let nextTime = columns.orderTime[next]
                            guard nextTime < now, nextTime - time <= window else { break }
                            let pairWeight = next == order ? w : w * settings.laterOrderWeight
                            for line in columns.lines(of: next) {
                                let b = Int(columns.lineProduct[line])
                                guard b != a, visited[b] != visit else { continue }
                                visited[b] = visit
                                if customers[b] == 0 { touched.append(b) }
                                co[b] += pairWeight
                                customers[b] += 1
                            }
                            next += 1
                        }
                    }
                    i = j
                }
                var top = TopK(limit: settings.neighbourCount)
                let anchorDenominator = buyers.count[a] + settings.shrinkage
                for b in touched where Int(customers[b]) >= settings.minimumCustomers {
                    var excess = co[b]
                    if let margin = settings.chanceMargin {
                        let expected = buyers.count[a] * buyers.count[b] / max(buyers.total, 1)
                        excess -= expected
                        guard excess > margin * expected.squareRoot() else { continue }
                    }
                    let cross = category[a] >= 0 && category[b] >= 0 && category[a] != category[b]
                    let score =
                        excess / anchorDenominator * inverseBaseRate[b] * (cross ? settings.crossCategoryBoost : 1)
                    if top.admits(ProductIndex(b), score) { top.offer(ProductIndex(b), score) }
                }
                let row = top.sorted()
                neighbours.appendRow(row)
                for entry in row { support.append(customers[Int(entry.product)]) }
                for b in touched {
                    co[b] = 0
                    customers[b] = 0
                }
                touched.removeAll(keepingCapacity: true)
            }
        }
        return ComplementsModel(settings: settings, asOf: asOf, neighbours: neighbours, support: support)
    }

    /// The stored complements of one product, best first.
    public func neighbours(of product: ProductIndex) -> [Neighbour] {
        neighbours.row(product).map {
            Neighbour(product: neighbours.neighbour[$0], score: neighbours.score[$0], customers: Int(support[$0]))
        }
    }

    /// The best complements of a basket (or of one product), never a basket product or an excluded one.
    ///
    /// A candidate's score is the sum of its scores over the anchors; `anchor` is the basket product that
    /// contributed most, for a reason like "Often bought together with the Chemex".
    public func complements(
        of anchors: [ProductIndex], limit: Int, excluding: Set<ProductIndex> = []
    ) -> [ExplainedScore] {
        var total: [ProductIndex: Float] = [:]
        var best: [ProductIndex: (anchor: ProductIndex, score: Float)] = [:]
        let basket = Set(anchors)
        for anchor in basket.sorted() {
            for k in neighbours.row(anchor) {
                let b = neighbours.neighbour[k]
                guard !basket.contains(b), !excluding.contains(b) else { continue }
                let score = neighbours.score[k]
                total[b, default: 0] += score
                if score > best[b]?.score ?? -.infinity { best[b] = (anchor, score) }
            }
        }
        var top = TopK(limit: limit)
        for (product, score) in total { top.offer(product, score) }
        return top.sorted().map { entry in
            let anchor = best[entry.product]!.anchor
            return ExplainedScore(
                product: entry.product, score: entry.score, anchor: anchor, evidence: .boughtTogether(anchor: anchor))
        }
    }
}
