import Foundation

/// `GradientBoostedTrees`' nodes laid out for scoring many rows at once, built when a model is made or loaded.
///
/// Walking one row down a tree is a chain of dependent loads with a hard-to-predict branch at every node. Here
/// every row of a request descends the same tree one level at a time (the rows' walks are independent, so the
/// processor overlaps them) and a leaf points to itself, so every row takes exactly the tree's depth in steps and
/// the step is a select, not a branch. A row's sum runs over the trees in the same order as a single walk, so the
/// scores are bit-for-bit those of `GradientBoostedTrees.score`.
struct CompiledTrees: Sendable {
    /// 16 bytes: four nodes to a cache line.
    struct Node: Sendable {
        var feature: UInt32
        var threshold: Float
        var left: Int32
        var right: Int32
    }

    let nodes: [Node]
    /// Per node, the value it adds when it is a leaf.
    let leafValues: [Float]
    let roots: [Int32]
    /// Per tree, its deepest leaf's depth (steps from the root).
    let depths: [Int32]

    init(nodes trees: [GradientBoostedTrees.Node], roots: [Int32]) {
        var nodes: [Node] = [], leafValues: [Float] = []
        nodes.reserveCapacity(trees.count)
        for (at, node) in trees.enumerated() {
            if node.left >= 0 {
                nodes.append(
                    Node(feature: UInt32(node.feature), threshold: node.threshold, left: node.left, right: node.right))
                leafValues.append(0)
            } else {
                // Both ways lead back to the leaf, whatever the value (NaN included).
                nodes.append(Node(feature: 0, threshold: .infinity, left: Int32(at), right: Int32(at)))
                leafValues.append(node.value)
            }
        }
        var depths: [Int32] = []
        for root in roots {
            var deepest: Int32 = 0
            var stack: [(node: Int32, depth: Int32)] = [(root, 0)]
            while let (at, depth) = stack.popLast() {
                let node = trees[Int(at)]
                if node.left < 0 {
                    deepest = max(deepest, depth)
                } else {
                    stack.append((node.left, depth + 1))
                    stack.append((node.right, depth + 1))
                }
            }
            depths.append(deepest)
        }
        self.nodes = nodes
        self.leafValues = leafValues
        self.roots = roots
        self.depths = depths
    }

    /// Rows scored together: their features (36 floats each) and walk positions stay in the first-level cache
    /// while every tree passes over them; a held-out set of a million rows is scored block by block.
    static let blockRows = 256

    /// Raw scores of row-major `rows` of `featureCount` values, each starting from `base`.
    func scores(_ rows: [Float], featureCount: Int, base: Float) -> [Float] {
        let n = rows.count / max(featureCount, 1)
        var out = [Float](repeating: base, count: n)
        guard n > 0 else { return out }
        var at = [Int32](repeating: 0, count: min(n, Self.blockRows))
        rows.withUnsafeBufferPointer { rows in
            nodes.withUnsafeBufferPointer { nodes in
                leafValues.withUnsafeBufferPointer { leafValues in
                    out.withUnsafeMutableBufferPointer { out in
                        at.withUnsafeMutableBufferPointer { at in
                            let nodes = nodes.baseAddress!, at = at.baseAddress!
                            for lower in stride(from: 0, to: n, by: Self.blockRows) {
                                let count = min(Self.blockRows, n - lower)
                                let block = rows.baseAddress! + lower * featureCount
                                for (tree, root) in roots.enumerated() {
                                    for r in 0..<count { at[r] = root }
                                    for _ in 0..<depths[tree] {
                                        for r in 0..<count {
                                            let node = nodes[Int(at[r])]
                                            let value = block[r &* featureCount &+ Int(node.feature)]
                                            at[r] = value <= node.threshold ? node.left : node.right
                                        }
                                    }
                                    for r in 0..<count { out[lower + r] += leafValues[Int(at[r])] }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
