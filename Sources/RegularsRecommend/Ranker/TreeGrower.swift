import Foundation
import RegularsData

/// Grows the trees of `GradientBoostedTrees` on a `BinnedMatrix`; see that type for the method.
struct TreeGrower {
    let data: BinnedMatrix
    let labels: [Float]
    let weights: [Float]?
    let settings: GradientBoostedTrees.Settings
    /// Bins per feature in the histograms: the most any feature uses.
    let binCount: Int

    init(data: BinnedMatrix, labels: [Float], weights: [Float]?, settings: GradientBoostedTrees.Settings) {
        self.data = data
        self.labels = labels
        self.weights = weights
        self.settings = settings
        binCount = data.binCount
    }

    /// A leaf waiting to be split: its rows are `index[lower..<upper]`.
    struct Leaf {
        var node: Int
        var lower: Int
        var upper: Int
        var histogram: [SIMD4<Float>]  // columns × binCount of (gradient, hessian, rows, 0)
        var gradient: Double
        var hessian: Double
        var split: (gain: Double, feature: Int, bin: Int)?
    }

    /// The trees, with their splits on `featureCount`-wide raw rows (the binned columns are the varying features).
    func grow(featureCount: Int) -> GradientBoostedTrees {
        let n = data.rowCount
        let w = data.width
        var positives = 0.0, total = 0.0
        for r in 0..<n {
            let w = Double(weights?[r] ?? 1)
            positives += w * Double(labels[r])
            total += w
        }
        let mean = min(max(positives / max(total, 1e-12), 1e-6), 1 - 1e-6)
        let base = Float(log(mean / (1 - mean)))
        var raw = [Float](repeating: base, count: n)
        var rowStats = [SIMD4<Float>](repeating: .zero, count: n)
        var random = SeededRandom(seed: settings.seed)
        var trees: [[GradientBoostedTrees.Node]] = []
        let chunks = n >= 16_384 ? 2 : 1
        // Whether the current tree saw a row; cleared for each tree.
        var seen = [Bool](repeating: false, count: n)
        var index: [Int32] = []
        index.reserveCapacity(n)
        for _ in 0..<settings.trees {
            rowStats.withUnsafeMutableBufferPointer { stats in
                let stats = UncheckedBox(stats)
                // Each chunk writes its own rows.
                Parallel.forEach(chunks) { chunk in
                    for r in (n * chunk / chunks)..<(n * (chunk + 1) / chunks) {
                        let p = 1 / (1 + exp(-raw[r]))
                        let w = weights?[r] ?? 1
                        stats.value[r] = SIMD4(w * (p - labels[r]), w * max(p * (1 - p), 1e-6), 1, 0)
                    }
                }
            }
            index.removeAll(keepingCapacity: true)
            if let top = settings.largeGradientShare, n > 0 {
                // GOSS (Ke et al. 2017, alg. 2): every row with a large gradient, a share of the others, reweighted.
                let probe = (0..<min(n, 4_096)).map { _ in abs(rowStats[Int(random.next() % UInt64(n))].x) }.sorted()
                let threshold = probe[min(probe.count - 1, Int(Double(probe.count) * (1 - top)))]
                let rest = settings.smallGradientShare / (1 - top)
                let keep = UInt64(rest * Double(UInt64.max >> 11))
                let boost = Float((1 - top) / settings.smallGradientShare)
                for r in 0..<n {
                    if abs(rowStats[r].x) >= threshold {
                        index.append(Int32(r))
                    } else if (random.next() >> 11) < keep {
                        rowStats[r].x *= boost
                        rowStats[r].y *= boost
                        index.append(Int32(r))
                    }
                }
            } else if settings.rowSampling >= 1 {
                for r in 0..<n { index.append(Int32(r)) }
            } else {
                let keep = UInt64(settings.rowSampling * Double(UInt64.max >> 11))
                for r in 0..<n where (random.next() >> 11) < keep { index.append(Int32(r)) }
            }
            var leafRanges: [(node: Int, lower: Int, upper: Int)] = []
            let tree = growTree(index: &index, rowStats: rowStats, leafRanges: &leafRanges)
            trees.append(tree)
            // Rows the tree saw sit in its leaves' ranges; only the others walk the tree.
            raw.withUnsafeMutableBufferPointer { raw in
                seen.withUnsafeMutableBufferPointer { seen in
                    index.withUnsafeBufferPointer { index in
                        for leaf in leafRanges {
                            let value = tree[leaf.node].value
                            for k in leaf.lower..<leaf.upper {
                                let r = Int(index[k])
                                raw[r] += value
                                seen[r] = true
                            }
                        }
                    }
                    let rawOut = UncheckedBox(raw), seenOut = UncheckedBox(seen)
                    let walk = CompiledTrees(growing: tree)
                    data.rows.withUnsafeBufferPointer { bins in
                        // Each chunk updates and clears its own rows.
                        Parallel.forEach(chunks) { chunk in
                            walk.add(
                                to: rawOut.value, rows: (n * chunk / chunks)..<(n * (chunk + 1) / chunks),
                                skipping: seenOut.value, bins: bins.baseAddress!, width: w)
                        }
                    }
                }
            }
        }
        // Replace the bin of every split by its real-valued edge for prediction on raw features, and the column by
        // the feature it holds.
        let finished = trees.map { tree in
            tree.map { node -> GradientBoostedTrees.Node in
                guard node.left >= 0 else { return node }
                var out = node
                out.feature = Int32(data.columns[Int(node.feature)])
                out.threshold = data.edges[Int(node.feature)][Int(node.value)]
                out.value = node.threshold  // keep the gain for feature importance
                return out
            }
        }
        return GradientBoostedTrees(featureCount: featureCount, base: base, trees: finished)
    }

    /// One tree; split nodes temporarily hold their bin in `value` and their gain in `threshold`.
    func growTree(
        index: inout [Int32], rowStats: [SIMD4<Float>], leafRanges: inout [(node: Int, lower: Int, upper: Int)]
    ) -> [GradientBoostedTrees.Node] {
        var nodes = [GradientBoostedTrees.Node(feature: -1, threshold: 0, left: -1, right: -1, value: 0)]
        var root = Leaf(node: 0, lower: 0, upper: index.count, histogram: [], gradient: 0, hessian: 0, split: nil)
        root.histogram = histogram(index: index, lower: 0, upper: index.count, rowStats: rowStats)
        // The sums over the first column's bins, or over the rows when every feature is constant.
        let sums: [SIMD4<Float>] =
            data.width > 0 ? Array(root.histogram[0..<binCount]) : [index.reduce(.zero) { $0 + rowStats[Int($1)] }]
        for cell in sums {
            root.gradient += Double(cell.x)
            root.hessian += Double(cell.y)
        }
        root.split = bestSplit(root)
        var leaves = [root]
        while leaves.count < settings.maxLeaves {
            guard
                let pick = leaves.indices.filter({ leaves[$0].split != nil })
                    .max(by: { leaves[$0].split!.gain < leaves[$1].split!.gain })
            else { break }
            let leaf = leaves.remove(at: pick)
            let (gain, feature, bin) = leaf.split!
            // Partition the leaf's rows: bin ≤ split bin first.
            var lo = leaf.lower, hi = leaf.upper - 1
            data.byColumn.withUnsafeBufferPointer { byColumn in
                index.withUnsafeMutableBufferPointer { index in
                    let column = byColumn.baseAddress! + feature * data.rowCount
                    while lo <= hi {
                        if Int(column[Int(index[lo])]) <= bin { lo += 1 } else { index.swapAt(lo, hi); hi -= 1 }
                    }
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
                rowStats: rowStats)
            var other = leaf.histogram
            for k in other.indices { other[k] -= counted[k] }
            left.histogram = small ? counted : other
            right.histogram = small ? other : counted
            for child in [0, 1] {
                var c = child == 0 ? left : right
                for b in 0..<binCount {
                    c.gradient += Double(c.histogram[b].x)
                    c.hessian += Double(c.histogram[b].y)
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

    /// Gradient, hessian and row count per column and bin over `index[lower..<upper]`, one SIMD add per column
    /// and row. Big leaves are counted in two halves of their rows on two cores and summed; middling ones in two
    /// halves of the columns, each core over every row, which gives the same sums as one core.
    func histogram(index: [Int32], lower: Int, upper: Int, rowStats: [SIMD4<Float>]) -> [SIMD4<Float>] {
        let w = data.width, bins = binCount
        let size = w * bins
        let count = upper - lower
        let rowParts = count >= 8_192 ? 2 : 1
        let columnParts = rowParts == 1 && count >= 1_024 ? 2 : 1
        var partial = [SIMD4<Float>](repeating: .zero, count: size * rowParts)
        partial.withUnsafeMutableBufferPointer { out in
            let out = UncheckedBox(out)
            data.rows.withUnsafeBufferPointer { binned in
                index.withUnsafeBufferPointer { index in
                    rowStats.withUnsafeBufferPointer { stats in
                        // Each part writes only its own histogram, or its own columns of the one histogram.
                        Parallel.forEach(rowParts * columnParts) { part in
                            let rowPart = part / columnParts, columnPart = part % columnParts
                            let hist = out.value.baseAddress! + rowPart * size
                            let from = lower + count * rowPart / rowParts
                            let to = lower + count * (rowPart + 1) / rowParts
                            let first = w * columnPart / columnParts, last = w * (columnPart + 1) / columnParts
                            for k in from..<to {
                                let r = Int(index[k])
                                let row = binned.baseAddress! + r &* w
                                let v = stats[r]
                                var base = first &* bins
                                for column in first..<last {
                                    hist[base &+ Int(row[column])] += v
                                    base &+= bins
                                }
                            }
                        }
                    }
                }
            }
        }
        if rowParts == 1 { return partial }
        var sum = Array(partial[0..<size])
        for k in 0..<size { sum[k] += partial[size + k] }
        return sum
    }

    /// The best split of a leaf over every column and bin, if any gains and leaves both sides big enough.
    func bestSplit(_ leaf: Leaf) -> (gain: Double, feature: Int, bin: Int)? {
        let count = leaf.upper - leaf.lower
        guard count >= 2 * settings.minLeafRows else { return nil }
        let lambda = settings.l2
        let parent = leaf.gradient * leaf.gradient / (leaf.hessian + lambda)
        var best: (gain: Double, feature: Int, bin: Int)?
        for f in 0..<data.width {
            let base = f * binCount
            var gl = 0.0, hl = 0.0, nl = 0.0
            for b in 0..<data.edges[f].count {
                let cell = leaf.histogram[base + b]
                gl += Double(cell.x)
                hl += Double(cell.y)
                nl += Double(cell.z)
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
