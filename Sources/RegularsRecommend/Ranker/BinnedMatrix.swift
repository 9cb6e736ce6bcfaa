/// Features cut into quantile bins for `TreeGrower`, in two layouts of the same bytes: row-major for counting a
/// leaf's histogram (one row's bins are one contiguous read) and column-major for splitting a leaf (one column of
/// every row fits in the core's cache, where a row-major column is one byte in each of `rowCount` cache lines).
///
/// Only the features that vary are kept (`columns`): a constant feature can never split, and skipping it saves a
/// histogram update per row (the last-year features are constant unless turned on).
struct BinnedMatrix {
    let rowCount: Int
    /// The features that vary, by their index in the input rows; column `j` here is feature `columns[j]`.
    let columns: [Int]
    /// Per column, the upper edge of each bin but the last (value ≤ edge[b] ⇒ bin ≤ b).
    let edges: [[Float]]
    /// `rows[row * columns.count + column]`.
    let rows: [UInt8]
    /// `byColumn[column * rowCount + row]`.
    let byColumn: [UInt8]
    /// The most bins any column has.
    let binCount: Int

    var width: Int { columns.count }

    init(rows input: [Float], featureCount: Int, maxBins: Int) {
        let rowCount = featureCount > 0 ? input.count / featureCount : 0
        self.rowCount = rowCount
        var allEdges = [[Float]](repeating: [], count: featureCount)
        let sampleStride = max(1, rowCount / 100_000)
        allEdges.withUnsafeMutableBufferPointer { edgesOut in
            let edgesOut = UncheckedBox(edgesOut)
            // Each feature writes its own edges.
            Parallel.forEach(featureCount) { f in
                var sample = stride(from: 0, to: rowCount, by: sampleStride).map { input[$0 * featureCount + f] }
                FloatRadixSort.sort(&sample)
                var cuts: [Float] = []
                guard !sample.isEmpty else { return }
                let limit = min(maxBins, 256)
                for q in 1..<limit {
                    let v = sample[min(sample.count - 1, q * sample.count / limit)]
                    if cuts.last.map({ v > $0 }) ?? true, v < sample[sample.count - 1] { cuts.append(v) }
                }
                // Distinct values below the top one, when there are fewer than the bins, become exact edges.
                edgesOut.value[f] = cuts
            }
        }
        let columns = allEdges.indices.filter { !allEdges[$0].isEmpty }
        self.columns = columns
        let edges = columns.map { allEdges[$0] }
        self.edges = edges
        let width = columns.count
        var byColumn = [UInt8](repeating: 0, count: rowCount * width)
        byColumn.withUnsafeMutableBufferPointer { out in
            let out = UncheckedBox(out)
            // Each column writes its own stretch.
            Parallel.forEach(width) { j in
                let f = columns[j]
                let column = out.value.baseAddress! + j * rowCount
                edges[j].withUnsafeBufferPointer { cuts in
                    for r in 0..<rowCount { column[r] = UInt8(Self.bin(of: input[r * featureCount + f], in: cuts)) }
                }
            }
        }
        var rows = [UInt8](repeating: 0, count: rowCount * width)
        rows.withUnsafeMutableBufferPointer { out in
            byColumn.withUnsafeBufferPointer { byColumn in
                for j in 0..<width {
                    let column = byColumn.baseAddress! + j * rowCount
                    for r in 0..<rowCount { out[r * width + j] = column[r] }
                }
            }
        }
        self.rows = rows
        self.byColumn = byColumn
        binCount = (edges.map(\.count).max() ?? 0) + 1
    }

    /// The number of edges below `value`: a binary search without branches, since the comparisons of a column's
    /// values are unpredictable.
    @inline(__always)
    static func bin(of value: Float, in cuts: UnsafeBufferPointer<Float>) -> Int {
        var lo = 0, count = cuts.count
        while count > 0 {
            let half = count / 2
            let below = cuts[lo + half] < value
            lo = below ? lo + half + 1 : lo
            count = below ? count - half - 1 : half
        }
        return lo
    }
}
