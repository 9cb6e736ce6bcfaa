import Foundation

/// Grows the trees of `GradientBoostedTrees` on a `BinnedMatrix`; see that type for the method.
struct TreeGrower {
    let data: BinnedMatrix
    let labels: [Float]
    let weights: [Float]?
    let settings: GradientBoostedTrees.Settings
    static let binCount = 256

    /// A leaf waiting to be split: its rows are `index[lower..<upper]`.
    struct Leaf {
        var node: Int
        var lower: Int
        var upper: Int
        var histogram: [Double]  // featureCount × binCount × (g, h, n)
        var gradient: Double
        var hessian: Double
        var split: (gain: Double, feature: Int, bin: Int)?
    }

    func grow() -> GradientBoostedTrees {
        let n = data.rowCount
        let f = data.featureCount
        var positives = 0.0, total = 0.0
        for r in 0..<n {
            let w = Double(weights?[r] ?? 1)
            positives += w * Double(labels[r])
            total += w
        }
        let mean = min(max(positives / max(total, 1e-12), 1e-6), 1 - 1e-6)
        let base = Float(log(mean / (1 - mean)))
        var raw = [Float](repeating: base, count: n)
        var gradient = [Float](repeating: 0, count: n)
        var hessian = [Float](repeating: 0, count: n)
        var random = SplitMix64(seed: settings.seed)
        var trees: [[GradientBoostedTrees.Node]] = []
        for _ in 0..<settings.trees {
            for r in 0..<n {
                let p = 1 / (1 + exp(-raw[r]))
                let w = weights?[r] ?? 1
                gradient[r] = w * (p - labels[r])
                hessian[r] = w * max(p * (1 - p), 1e-6)
            }
            var index: [Int32] = []
            index.reserveCapacity(n)
            let keep = UInt64(settings.rowSampling * Double(UInt64.max >> 11))
            for r in 0..<n where settings.rowSampling >= 1 || (random.next() >> 11) < keep { index.append(Int32(r)) }
            var leafRanges: [(node: Int, lower: Int, upper: Int)] = []
            let tree = growTree(index: &index, gradient: gradient, hessian: hessian, leafRanges: &leafRanges)
            trees.append(tree)
            // Rows the tree saw sit in its leaves' ranges; only the others walk the tree.
            var seen = [Bool](repeating: false, count: n)
            for leaf in leafRanges {
                let value = tree[leaf.node].value
                for k in leaf.lower..<leaf.upper {
                    let r = Int(index[k])
                    raw[r] += value
                    seen[r] = true
                }
            }
            data.bins.withUnsafeBufferPointer { bins in
                for r in 0..<n where !seen[r] {
                    var at = 0
                    while tree[at].left >= 0 {
                        let node = tree[at]
                        // A split node holds its bin in `value` until the end.
                        at = Int(Int(bins[r * f + Int(node.feature)]) <= Int(node.value) ? node.left : node.right)
                    }
                    raw[r] += tree[at].value
                }
            }
        }
        // Replace the bin of every split by its real-valued edge for prediction on raw features.
        let finished = trees.map { tree in
            tree.map { node -> GradientBoostedTrees.Node in
                guard node.left >= 0 else { return node }
                var out = node
                out.threshold = data.edges[Int(node.feature)][Int(node.value)]
                out.value = node.threshold  // keep the gain for feature importance
                return out
            }
        }
        return GradientBoostedTrees(featureCount: data.featureCount, base: base, trees: finished)
    }

    /// One tree; split nodes temporarily hold their bin in `value` and their gain in `threshold`.
    func growTree(
        index: inout [Int32], gradient: [Float], hessian: [Float], leafRanges: inout [(node: Int, lower: Int, upper: Int)]
    ) -> [GradientBoostedTrees.Node] {
        var nodes = [GradientBoostedTrees.Node(feature: -1, threshold: 0, left: -1, right: -1, value: 0)]
        var root = Leaf(node: 0, lower: 0, upper: index.count, histogram: [], gradient: 0, hessian: 0, split: nil)
        root.histogram = histogram(index: index, lower: 0, upper: index.count, gradient: gradient, hessian: hessian)
        for b in 0..<Self.binCount {
            root.gradient += root.histogram[b * 3]
            root.hessian += root.histogram[b * 3 + 1]
        }
        root.split = bestSplit(root)
        var leaves = [root]
        while leaves.count < settings.maxLeaves {
            guard let pick = leaves.indices.filter({ leaves[$0].split != nil })
                .max(by: { leaves[$0].split!.gain < leaves[$1].split!.gain })
            else { break }
            let leaf = leaves.remove(at: pick)
            let (gain, feature, bin) = leaf.split!
            // Partition the leaf's rows: bin ≤ split bin first.
            var lo = leaf.lower, hi = leaf.upper - 1
            data.bins.withUnsafeBufferPointer { bins in
                let column = bins.baseAddress! + feature
                let f = data.featureCount
                while lo <= hi {
                    if Int(column[Int(index[lo]) * f]) <= bin { lo += 1 } else { index.swapAt(lo, hi); hi -= 1 }
                }
            }
            let leftCount = lo - leaf.lower, rightCount = leaf.upper - lo
            let leftNode = nodes.count, rightNode = nodes.count + 1
            nodes[leaf.node] = .init(
                feature: Int32(feature), threshold: Float(gain), left: Int32(leftNode), right: Int32(rightNode),
                value: Float(bin))
            nodes.append(.init(feature: -1, threshold: 0, left: -1, right: -1, value: 0))
            nodes.append(.init(feature: -1, threshold: 0, left: -1, right: -1, value: 0))
            var left = Leaf(node: leftNode, lower: leaf.lower, upper: lo, histogram: [], gradient: 0, hessian: 0)
            var right = Leaf(node: rightNode, lower: lo, upper: leaf.upper, histogram: [], gradient: 0, hessian: 0)
            let small = leftCount <= rightCount
            let counted = histogram(
                index: index, lower: small ? left.lower : right.lower, upper: small ? left.upper : right.upper,
                gradient: gradient, hessian: hessian)
            var other = leaf.histogram
            for k in other.indices { other[k] -= counted[k] }
            left.histogram = small ? counted : other
            right.histogram = small ? other : counted
            for child in [0, 1] {
                var c = child == 0 ? left : right
                for b in 0..<Self.binCount {
                    c.gradient += c.histogram[b * 3]
                    c.hessian += c.histogram[b * 3 + 1]
                }
                c.split = bestSplit(c)
                if child == 0 { left = c } else { right = c }
            }
            leaves.append(left)
            leaves.append(right)
        }
        for leaf in leaves {
            leafRanges.append((leaf.node, leaf.lower, leaf.upper))
            nodes[leaf.node].value = Float(-leaf.gradient / (leaf.hessian + settings.l2)) * settings.learningRate
        }
        return nodes
    }

    /// Gradient, hessian and count per feature and bin over `index[lower..<upper]`; big leaves are counted in
    /// two halves on two cores and summed.
    func histogram(index: [Int32], lower: Int, upper: Int, gradient: [Float], hessian: [Float]) -> [Double] {
        let size = data.featureCount * Self.binCount * 3
        let parts = upper - lower >= 8_192 ? 2 : 1
        var partial = [Double](repeating: 0, count: size * parts)
        let f = data.featureCount
        partial.withUnsafeMutableBufferPointer { out in
            let out = UncheckedBox(out)
            data.bins.withUnsafeBufferPointer { bins in
                index.withUnsafeBufferPointer { index in
                    gradient.withUnsafeBufferPointer { g in
                        hessian.withUnsafeBufferPointer { h in
                            // Each part writes only its own histogram.
                            Parallel.forEach(parts) { part in
                                let hist = out.value.baseAddress! + part * size
                                let from = lower + (upper - lower) * part / parts
                                let to = lower + (upper - lower) * (part + 1) / parts
                                for k in from..<to {
                                    let r = Int(index[k])
                                    let row = bins.baseAddress! + r * f
                                    let gr = Double(g[r]), hr = Double(h[r])
                                    for feature in 0..<f {
                                        let b = (feature &* Self.binCount &+ Int(row[feature])) &* 3
                                        hist[b] += gr
                                        hist[b &+ 1] += hr
                                        hist[b &+ 2] += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if parts == 1 { return partial }
        var sum = Array(partial[0..<size])
        for k in 0..<size { sum[k] += partial[size + k] }
        return sum
    }

    /// The best split of a leaf over every feature and bin, if any gains and leaves both sides big enough.
    func bestSplit(_ leaf: Leaf) -> (gain: Double, feature: Int, bin: Int)? {
        let count = leaf.upper - leaf.lower
        guard count >= 2 * settings.minLeafRows else { return nil }
        let lambda = settings.l2
        let parent = leaf.gradient * leaf.gradient / (leaf.hessian + lambda)
        var best: (gain: Double, feature: Int, bin: Int)?
        for f in 0..<data.featureCount {
            let base = f * Self.binCount * 3
            var gl = 0.0, hl = 0.0, nl = 0.0
            for b in 0..<data.edges[f].count {
                gl += leaf.histogram[base + b * 3]
                hl += leaf.histogram[base + b * 3 + 1]
                nl += leaf.histogram[base + b * 3 + 2]
                if nl < Double(settings.minLeafRows) { continue }
                if Double(count) - nl < Double(settings.minLeafRows) { break }
                let gr = leaf.gradient - gl, hr = leaf.hessian - hl
                let gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent
                if gain > (best?.gain ?? 1e-9) { best = (gain, f, b) }
            }
        }
        return best
    }
}

/// A small, fast, seedable generator (Steele, Lea & Flood 2014).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
