import Foundation
import Testing

@testable import RegularsRecommend

@Suite("Gradient-boosted trees")
struct GradientBoostedTreesTests {
    /// Points on a 30 × 30 grid of [0, 1)², labelled 1 when x + y > 1 (plus a useless third feature).
    static func grid(offset: Float) -> (rows: [Float], labels: [Float]) {
        var rows: [Float] = [], labels: [Float] = []
        for i in 0..<30 {
            for j in 0..<30 {
                let x = (Float(i) + offset) / 30, y = (Float(j) + offset) / 30
                rows += [x, y, Float((i * 7 + j * 3) % 5)]
                labels.append(x + y > 1 ? 1 : 0)
            }
        }
        return (rows, labels)
    }

    @Test("separates a linearly separable toy problem on points it has not seen")
    func separable() {
        let train = Self.grid(offset: 0.25)
        var settings = GradientBoostedTrees.Settings()
        settings.trees = 60
        settings.minLeafRows = 5
        let model = GradientBoostedTrees.train(
            rows: train.rows, featureCount: 3, labels: train.labels, settings: settings)
        let test = Self.grid(offset: 0.75)
        let scores = model.scores(test.rows)
        let correct = zip(scores, test.labels).filter { ($0 > 0) == ($1 == 1) }.count
        #expect(Double(correct) / Double(scores.count) > 0.95)
        var corner: [Float] = [0.95, 0.95, 0], origin: [Float] = [0.05, 0.05, 0]
        #expect(model.score(&corner) > 2)
        #expect(model.score(&origin) < -2)
        // The useless feature is never worth a split as much as the two real ones.
        let importance = model.featureImportance
        #expect(importance[2] < importance[0] && importance[2] < importance[1])
    }

    @Test("training is deterministic for a seed")
    func deterministic() {
        let train = Self.grid(offset: 0.5)
        let a = GradientBoostedTrees.train(rows: train.rows, featureCount: 3, labels: train.labels)
        let b = GradientBoostedTrees.train(rows: train.rows, featureCount: 3, labels: train.labels)
        #expect(a.scores(train.rows) == b.scores(train.rows))
    }

    @Test("scoring many rows at once gives each row its own score")
    func batchEqualsSingle() {
        let train = Self.grid(offset: 0.5)
        let model = GradientBoostedTrees.train(rows: train.rows, featureCount: 3, labels: train.labels)
        // An odd count past one block of rows (`CompiledTrees.blockRows`), so the last block is a short one; a
        // NaN feature goes right at every split in both walks.
        let rows = train.rows + Array(train.rows.prefix(15).map { $0 * 0.9 }) + [.nan, 0.5, 1, 0.2, .nan, .nan]
        let batch = model.scores(rows)
        #expect(batch.count == 907)
        for r in 0..<907 {
            var row = Array(rows[(r * 3)..<(r * 3 + 3)])
            #expect(batch[r] == model.score(&row), "row \(r)")
        }
    }
}

@Suite("Gradient-boosted trees, edge cases")
struct GradientBoostedTreesEdgeTests {
    @Test("a saved model whose nodes point outside their tree is refused, not walked")
    func brokenTreesRefused() throws {
        let train = GradientBoostedTreesTests.grid(offset: 0.5)
        let model = GradientBoostedTrees.train(rows: train.rows, featureCount: 3, labels: train.labels)
        let data = try JSONEncoder().encode(model)
        let reloaded = try JSONDecoder().decode(GradientBoostedTrees.self, from: data)
        #expect(reloaded.scores(train.rows) == model.scores(train.rows))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var nodes = try #require(object["nodes"] as? [[String: Any]])
        let split = try #require(nodes.firstIndex { ($0["left"] as? Int ?? -1) >= 0 })
        // A child pointing back at its parent would loop; one past the end would read outside the array.
        for bad in [split, nodes.count] {
            nodes[split]["left"] = bad
            object["nodes"] = nodes
            let broken = try JSONSerialization.data(withJSONObject: object)
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(GradientBoostedTrees.self, from: broken) }
        }
    }

    @Test("trains on no rows or one class without crashing and scores constants")
    func degenerate() {
        let empty = GradientBoostedTrees.train(rows: [], featureCount: 2, labels: [])
        var row: [Float] = [1, 2]
        #expect(empty.score(&row).isFinite)
        let negatives = GradientBoostedTrees.train(rows: [0, 1, 1, 0, 2, 2], featureCount: 2, labels: [0, 0, 0])
        #expect(negatives.score(&row) < -5)
    }
}
