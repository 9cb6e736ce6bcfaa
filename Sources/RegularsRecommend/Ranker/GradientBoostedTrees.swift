import Foundation

/// Gradient-boosted regression trees for a binary label with logistic loss, histogram-based and grown leaf-wise
/// (Friedman 2001; the histogram and leaf-wise growth of LightGBM, Ke et al. 2017).
///
/// Every feature is cut into at most `bins` quantile bins once; a tree grows by splitting, among its current
/// leaves, the one whose best split gains most — gain `G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)` with gradient
/// `p − y` and hessian `p(1 − p)` (Chen & Guestrin 2016, eq. 7) — until `maxLeaves`; leaf values are
/// `−η·G/(H+λ)`. A child's histogram is the parent's minus its sibling's, so only the smaller child is counted.
/// Deterministic: row sampling draws from `seed`.
public struct GradientBoostedTrees: Sendable, Codable {
    public struct Settings: Sendable, Codable, Equatable {
        public var trees = 150
        public var learningRate: Float = 0.1
        public var maxLeaves = 31
        public var minLeafRows = 40
        public var l2: Double = 1
        /// At most 256. 63 did as well as 255 on the validation split, and histograms 4× smaller are faster.
        public var bins = 63
        /// The share of rows each tree sees (stochastic gradient boosting, Friedman 2002).
        public var rowSampling = 0.7
        /// Gradient-based one-side sampling instead: each tree sees the rows with the largest `|gradient|` (this
        /// share) and `smallGradientShare` of all rows drawn from the others, reweighted (`nil`: off).
        public var largeGradientShare: Double? = nil
        public var smallGradientShare = 0.1
        public var seed: UInt64 = 1
        public init() {}
    }

    /// One node: a split on `feature` (`value <= threshold` goes left) or, when `left < 0`, a leaf with `value`.
    struct Node: Sendable, Codable {
        var feature: Int32
        var threshold: Float
        var left: Int32
        var right: Int32
        var value: Float
    }

    public let featureCount: Int
    public let base: Float
    /// Every tree's nodes, children by absolute index; tree `t` starts at `roots[t]`.
    let nodes: [Node]
    let roots: [Int32]
    /// The same trees laid out for `scores`; derived, not saved.
    let compiled: CompiledTrees

    enum CodingKeys: String, CodingKey { case featureCount, base, nodes, roots }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        featureCount = try container.decode(Int.self, forKey: .featureCount)
        base = try container.decode(Float.self, forKey: .base)
        let nodes = try container.decode([Node].self, forKey: .nodes)
        let roots = try container.decode([Int32].self, forKey: .roots)
        // Children come after their parent (as the grower writes them), so no walk can leave the array or loop.
        for (at, node) in nodes.enumerated() where node.left >= 0 {
            guard node.left > at, node.right > at, node.left < nodes.count, node.right < nodes.count,
                node.feature >= 0, node.feature < featureCount
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: .nodes, in: container, debugDescription: "tree node \(at) points outside its tree")
            }
        }
        guard roots.allSatisfy({ $0 >= 0 && $0 < nodes.count }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .roots, in: container, debugDescription: "a root past the nodes")
        }
        self.nodes = nodes
        self.roots = roots
        compiled = CompiledTrees(nodes: nodes, roots: roots)
    }

    /// The raw score (log-odds) of one row of `featureCount` values.
    public func score(_ row: UnsafePointer<Float>) -> Float {
        nodes.withUnsafeBufferPointer { nodes in
            var total = base
            for root in roots {
                var at = Int(root)
                while nodes[at].left >= 0 {
                    let node = nodes[at]
                    at = Int(row[Int(node.feature)] <= node.threshold ? node.left : node.right)
                }
                total += nodes[at].value
            }
            return total
        }
    }

    /// Raw scores of row-major `rows`: every row walks each tree beside the others (`CompiledTrees`), with the
    /// same sums as `score`.
    public func scores(_ rows: [Float]) -> [Float] {
        compiled.scores(rows, featureCount: featureCount, base: base)
    }

    /// Total split gain per feature, a measure of what the model relies on.
    public var featureImportance: [Double] {
        var out = [Double](repeating: 0, count: featureCount)
        for node in nodes where node.left >= 0 { out[Int(node.feature)] += Double(node.value) }
        return out
    }

    /// Trains on row-major `rows` (`labels.count` rows of `featureCount` values; NaN not allowed) with labels 0/1
    /// and optional per-row weights.
    public static func train(
        rows: [Float], featureCount: Int, labels: [Float], weights: [Float]? = nil, settings: Settings = .init()
    ) -> Self {
        let data = BinnedMatrix(rows: rows, featureCount: featureCount, maxBins: settings.bins)
        return TreeGrower(data: data, labels: labels, weights: weights, settings: settings).grow(
            featureCount: featureCount)
    }

    init(featureCount: Int, base: Float, trees: [[Node]]) {
        self.featureCount = featureCount
        self.base = base
        var nodes: [Node] = [], roots: [Int32] = []
        for tree in trees {
            let offset = Int32(nodes.count)
            roots.append(offset)
            nodes += tree.map { node in
                var node = node
                if node.left >= 0 {
                    node.left += offset
                    node.right += offset
                }
                return node
            }
        }
        self.nodes = nodes
        self.roots = roots
        compiled = CompiledTrees(nodes: nodes, roots: roots)
    }
}
