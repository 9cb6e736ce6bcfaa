/// The same layout for a tree being grown, walked over binned rows: `TreeGrower` adds each new tree's leaf values to
/// the rows row sampling kept from it.
extension CompiledTrees {
    /// Split nodes hold their column in `feature` and their bin in `value`, as `TreeGrower.growTree` leaves them; a
    /// bin (0…255) is exact as a float threshold.
    init(growing tree: [GradientBoostedTrees.Node]) {
        let nodes = tree.map { node in
            node.left < 0
                ? node
                : GradientBoostedTrees.Node(
                    feature: node.feature, threshold: node.value, left: node.left, right: node.right, value: 0)
        }
        self.init(nodes: nodes, roots: [0])
    }

    /// Adds the leaf value to `raw[r]` for every `r` in `rows` not marked in `seen`, and clears the marks. Sixteen
    /// rows descend together, one level at a time, as in `scores`: each gets the leaf a single walk reaches.
    func add(
        to raw: UnsafeMutableBufferPointer<Float>, rows: Range<Int>, skipping seen: UnsafeMutableBufferPointer<Bool>,
        bins: UnsafePointer<UInt8>, width: Int
    ) {
        let blockRows = 16
        var block = [Int](repeating: 0, count: blockRows), at = [Int32](repeating: 0, count: blockRows)
        nodes.withUnsafeBufferPointer { nodes in
            leafValues.withUnsafeBufferPointer { leafValues in
                block.withUnsafeMutableBufferPointer { block in
                    at.withUnsafeMutableBufferPointer { at in
                        var count = 0
                        func flush() {
                            for i in 0..<count { at[i] = roots[0] }
                            for _ in 0..<depths[0] {
                                for i in 0..<count {
                                    let node = nodes[Int(at[i])]
                                    let bin = Float(bins[block[i] &* width &+ Int(node.feature)])
                                    at[i] = bin <= node.threshold ? node.left : node.right
                                }
                            }
                            for i in 0..<count { raw[block[i]] += leafValues[Int(at[i])] }
                            count = 0
                        }
                        for r in rows {
                            if seen[r] {
                                seen[r] = false
                                continue
                            }
                            block[count] = r
                            count += 1
                            if count == blockRows { flush() }
                        }
                        flush()
                    }
                }
            }
        }
    }
}
