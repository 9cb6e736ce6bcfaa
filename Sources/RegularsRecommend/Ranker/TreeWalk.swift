/// A tree being grown, laid out for walking the binned rows it did not see (the ones row sampling left out), to add
/// its leaf values to their raw scores.
///
/// The same idea as `CompiledTrees`: sixteen rows descend together one level at a time, a leaf leads back to
/// itself, and each step is a select instead of a branch the processor cannot predict. A row gets the value of the
/// leaf a single walk would reach, so the scores are the same.
struct TreeWalk {
    var feature: [Int32] = [], bin: [Int32] = [], left: [Int32] = [], right: [Int32] = [], value: [Float] = []
    var depth = 0

    /// Split nodes hold their column in `feature` and their bin in `value`, as `TreeGrower.growTree` leaves them.
    init(_ tree: [GradientBoostedTrees.Node]) {
        var depths = [Int](repeating: 0, count: tree.count)
        for (at, node) in tree.enumerated() {
            if node.left >= 0 {
                feature.append(node.feature)
                bin.append(Int32(node.value))
                left.append(node.left)
                right.append(node.right)
                value.append(0)
                // Children come after their parent.
                depths[Int(node.left)] = depths[at] + 1
                depths[Int(node.right)] = depths[at] + 1
            } else {
                feature.append(0)
                bin.append(Int32(UInt8.max))
                left.append(Int32(at))
                right.append(Int32(at))
                value.append(node.value)
            }
        }
        depth = depths.max() ?? 0
    }

    /// Adds the leaf value to `raw[r]` for every `r` in `rows` not marked in `seen`, and clears the marks.
    func add(
        to raw: UnsafeMutableBufferPointer<Float>, rows: Range<Int>, skipping seen: UnsafeMutableBufferPointer<Bool>,
        bins: UnsafePointer<UInt8>, width: Int
    ) {
        feature.withUnsafeBufferPointer { feature in
            bin.withUnsafeBufferPointer { bin in
                left.withUnsafeBufferPointer { left in
                    right.withUnsafeBufferPointer { right in
                        var block = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                        var at = (
                            Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0),
                            Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0)
                        )
                        withUnsafeMutableBytes(of: &block) { blockBytes in
                            withUnsafeMutableBytes(of: &at) { atBytes in
                                let block = blockBytes.bindMemory(to: Int.self)
                                let at = atBytes.bindMemory(to: Int32.self)
                                var count = 0
                                func flush() {
                                    for i in 0..<count { at[i] = 0 }
                                    for _ in 0..<depth {
                                        for i in 0..<count {
                                            let node = Int(at[i])
                                            let b = Int32(bins[block[i] &* width &+ Int(feature[node])])
                                            at[i] = b <= bin[node] ? left[node] : right[node]
                                        }
                                    }
                                    for i in 0..<count { raw[block[i]] += value[Int(at[i])] }
                                    count = 0
                                }
                                for r in rows {
                                    if seen[r] {
                                        seen[r] = false
                                        continue
                                    }
                                    block[count] = r
                                    count += 1
                                    if count == 16 { flush() }
                                }
                                flush()
                            }
                        }
                    }
                }
            }
        }
    }
}
