import Foundation
import RegularsData
import Testing

@testable import RegularsRecommend

/// The pieces `TreeGrower` is made of, against answers worked out by hand or by the plain way of doing the same.
@Suite("Tree training parts")
struct TreeTrainingPartsTests {
    @Test("the radix sort orders floats as sorted() does, negatives, zeros, infinities and repeats included")
    func radixSort() {
        var random = SeededRandom(seed: 11)
        var values: [Float] = [3, -1, 0, -0.0, .infinity, -.infinity, 2.5, 2.5, -7.25, 1e-30, -1e-30, 1e30]
        for _ in 0..<5_000 { values.append(Float(Int(random.next() % 2_001)) / 8 - 125) }
        var sorted = values
        FloatRadixSort.sort(&sorted)
        // ±0 compare equal, so equality of the two orders is `==` element by element.
        #expect(sorted == values.sorted())
        var constant = [Float](repeating: 4, count: 10)
        FloatRadixSort.sort(&constant)
        #expect(constant == [Float](repeating: 4, count: 10))
    }

    @Test("bins: a constant feature is left out, the others keep their order and agree in both layouts")
    func binnedColumns() {
        // Feature 1 is constant; feature 0 takes 4 values, feature 2 two.
        let rows: [Float] = [0, 5, 1, 1, 5, 0, 2, 5, 1, 3, 5, 0, 1, 5, 1, 2, 5, 0]
        let binned = BinnedMatrix(rows: rows, featureCount: 3, maxBins: 63)
        #expect(binned.columns == [0, 2])
        #expect(binned.edges == [[0, 1, 2], [0]])
        #expect(binned.rows == [0, 1, 1, 0, 2, 1, 3, 0, 1, 1, 2, 0])
        for r in 0..<6 {
            for j in 0..<2 { #expect(binned.byColumn[j * 6 + r] == binned.rows[r * 2 + j]) }
        }
    }

    @Test("a constant feature changes nothing: the trees are those trained without it")
    func constantFeatureIgnored() {
        let grid = GradientBoostedTreesTests.grid(offset: 0.25)
        var withConstant: [Float] = []
        for r in 0..<grid.labels.count {
            withConstant += [grid.rows[r * 3], 7, grid.rows[r * 3 + 1], grid.rows[r * 3 + 2]]
        }
        var settings = GradientBoostedTrees.Settings()
        settings.trees = 20
        settings.minLeafRows = 5
        let plain = GradientBoostedTrees.train(
            rows: grid.rows, featureCount: 3, labels: grid.labels, settings: settings)
        let padded = GradientBoostedTrees.train(
            rows: withConstant, featureCount: 4, labels: grid.labels, settings: settings)
        #expect(padded.scores(withConstant) == plain.scores(grid.rows))
        #expect(padded.featureImportance[1] == 0)
    }

    @Test("walking rows sixteen at a time reaches the leaf a single walk reaches, and skips the rows marked seen")
    func treeWalk() {
        // Root splits column 1 at bin 2; its left child splits column 0 at bin 0; three leaves.
        let tree: [GradientBoostedTrees.Node] = [
            .init(feature: 1, threshold: 0, left: 1, right: 2, value: 2),
            .init(feature: 0, threshold: 0, left: 3, right: 4, value: 0),
            .init(feature: -1, threshold: 0, left: -1, right: -1, value: 10),
            .init(feature: -1, threshold: 0, left: -1, right: -1, value: 1),
            .init(feature: -1, threshold: 0, left: -1, right: -1, value: 5),
        ]
        let walk = CompiledTrees(growing: tree)
        #expect(walk.depths == [2])
        // 37 rows of two columns (more than two blocks); every third row is marked seen.
        var bins: [UInt8] = [], expected: [Float] = [], seen: [Bool] = []
        for r in 0..<37 {
            let a = UInt8(r % 3), b = UInt8((r * 5) % 4)
            bins += [a, b]
            seen.append(r % 3 == 2)
            expected.append(r % 3 == 2 ? 0 : b > 2 ? 10 : a == 0 ? 1 : 5)
        }
        var raw = [Float](repeating: 0, count: 37)
        raw.withUnsafeMutableBufferPointer { raw in
            seen.withUnsafeMutableBufferPointer { seen in
                bins.withUnsafeBufferPointer { bins in
                    walk.add(to: raw, rows: 0..<37, skipping: seen, bins: bins.baseAddress!, width: 2)
                }
            }
        }
        #expect(raw == expected)
        #expect(!seen.contains(true))
    }
}
