import Foundation
import RegularsData
import Testing

@testable import RegularsRecommend

@Suite("TIFU-KNN")
struct TIFUKNNModelTests {
    /// u: baskets {A}, {A, B}, {C} with group size 2 → groups {b1, b2} and {b3}; with both decays 0.5 basket t weighs
    /// 0.5^(n−1−t) · 0.5^(G−1−g) / (|group| · G): b1 0.25·0.5/4 = 0.03125, b2 0.5·0.5/4 = 0.0625, b3 1·1/2 = 0.5,
    /// so u = {A: 0.09375, B: 0.0625, C: 0.5}. v: one basket {B, D} → {B: 1, D: 1}, u's only neighbour.
    /// With α = 0.7: 0.7·u + 0.3·v = {A: 0.065625, B: 0.34375, C: 0.35, D: 0.3}.
    @Test("personal vector and neighbour blend match eqs. 1–4 by hand")
    func knownCase() {
        let snapshot = TinyShop.snapshot(["u": [["A"], ["A", "B"], ["C"]], "v": [["B", "D"]]])
        var settings = TIFUKNNModel.Settings()
        settings.groupSize = 2
        settings.withinDecay = 0.5
        settings.groupDecay = 0.5
        settings.neighbours = 1
        settings.alpha = 0.7
        let model = TIFUKNNModel.train(on: snapshot, asOf: TinyShop.asOf, settings: settings)
        let scores = model.scores(customer: snapshot.customerIndexByID["u"]!)
        let expected: [String: Float] = ["A": 0.065625, "B": 0.34375, "C": 0.35, "D": 0.3]
        for (sku, value) in expected {
            #expect(abs(scores[Int(snapshot.productIndexBySKU[sku]!)] - value) < 1e-6, "\(sku)")
        }
        let list = model.recommend(customer: snapshot.customerIndexByID["u"]!, limit: 2, excludeHistory: false)
        #expect(list.map(\.product) == ["C", "B"].map { snapshot.productIndexBySKU[$0]! })
        let fresh = model.recommend(customer: snapshot.customerIndexByID["u"]!, limit: 5, excludeHistory: true)
        #expect(fresh.map(\.product) == [snapshot.productIndexBySKU["D"]!])
    }

    /// The neighbour search resets exactly what it wrote, so one scratch can serve customer after customer (the
    /// ranker's training and serving keep one per thread): a customer searched after others finds what a fresh
    /// search finds, scores and order alike.
    @Test("one neighbour scratch reused over every customer finds what a fresh one finds")
    func reusedScratch() {
        let baskets: [String: [[String]]] = [
            "a": [["A", "B"], ["C"]], "b": [["A", "C"], ["D"]], "c": [["B", "D", "E"]], "d": [["E"], ["A", "E"]],
            "e": [["F"]], "f": [["C", "D"], ["B"]],
        ]
        let snapshot = TinyShop.snapshot(baskets)
        var settings = TIFUKNNModel.Settings()
        settings.neighbours = 2
        let model = TIFUKNNModel.train(on: snapshot, asOf: TinyShop.asOf, settings: settings)
        var scratch = NeighbourScratch(customerCount: snapshot.customerCount)
        // Twice over, in two orders: what one customer leaves behind must not reach the next.
        let customers = (0..<snapshot.customerCount).map { CustomerIndex($0) }
        for customer in customers + customers.reversed() {
            let reused = model.neighbours(of: customer, scratch: &scratch)
            let fresh = model.neighbours(of: customer)
            #expect(reused.map(\.product) == fresh.map(\.product))
            #expect(reused.map(\.score) == fresh.map(\.score))
            #expect(scratch.similarity.allSatisfy { $0 == 0 } && scratch.touched.isEmpty)
        }
        #expect(!model.neighbours(of: snapshot.customerIndexByID["a"]!).isEmpty)
    }
}
