import Foundation
import RegularsData
import Testing

@testable import RegularsRecommend

@Suite("EASE")
struct EASEModelTests {
    /// c1 {A, B}, c2 {B, C}, c3 {A, B, C}: G = XᵀX = [[2,2,1],[2,3,2],[1,2,2]]; with λ = 1,
    /// G + λI = [[3,2,1],[2,4,2],[1,2,3]], det 16, adjugate [[8,−4,0],[−4,8,−4],[0,−4,8]], so
    /// P = [[.5,−.25,0],[−.25,.5,−.25],[0,−.25,.5]] and B[i][j] = −P[i][j]/P[j][j] = [[0,.5,0],[.5,0,.5],[0,.5,0]].
    @Test("weights match Steck's closed form computed by hand on a 3 × 3 case")
    func closedFormByHand() throws {
        let snapshot = TinyShop.snapshot(["c1": [["A", "B"]], "c2": [["B", "C"]], "c3": [["A", "B", "C"]]])
        var settings = EASEModel.Settings()
        settings.lambda = 1
        settings.halfLifeDays = nil  // binary X: every order counts 1
        let model = EASEModel.train(on: snapshot, asOf: TinyShop.asOf, settings: settings)
        let id = { (sku: String) in snapshot.productIndexBySKU[sku]! }
        let expected: [String: [String: Float]] = [
            "A": ["A": 0, "B": 0.5, "C": 0], "B": ["A": 0.5, "B": 0, "C": 0.5], "C": ["A": 0, "B": 0.5, "C": 0],
        ]
        for (from, row) in expected {
            for (to, value) in row {
                #expect(abs(model.weight(from: id(from), to: id(to)) - value) < 1e-5, "B[\(from)][\(to)]")
            }
        }
        // c1 bought A and B: x·B = row A + row B = [0.5, 0.5, 0.5].
        let scores = model.scores(customer: snapshot.customerIndexByID["c1"]!)
        for sku in ["A", "B", "C"] { #expect(abs(scores[Int(id(sku))] - 0.5) < 1e-5) }
        let list = model.recommend(customer: snapshot.customerIndexByID["c1"]!, limit: 3, excludeHistory: true)
        #expect(list.map(\.product) == [id("C")])
    }

    @Test("the Swift Cholesky inverse agrees with the closed form and inverts a larger matrix")
    func swiftInverse() {
        var a: [Float] = [3, 2, 1, 2, 4, 2, 1, 2, 3]
        #expect(SymmetricInverse.invertInSwift(&a, n: 3))
        let p: [Float] = [0.5, -0.25, 0, -0.25, 0.5, -0.25, 0, -0.25, 0.5]
        for k in 0..<9 { #expect(abs(a[k] - p[k]) < 1e-5) }

        // A = MᵀM + I for a fixed 40 × 40 M; A · A⁻¹ must be the identity.
        let n = 40
        var m = [Float](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { m[i * n + j] = Float((i * 7 + j * 13) % 11) / 11 - 0.5 } }
        var spd = [Float](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var s: Float = i == j ? 1 : 0
                for k in 0..<n { s += m[k * n + i] * m[k * n + j] }
                spd[i * n + j] = s
            }
        }
        var inverse = spd
        #expect(SymmetricInverse.invertInSwift(&inverse, n: n))
        var worst: Float = 0
        for i in 0..<n {
            for j in 0..<n {
                var s: Float = 0
                for k in 0..<n { s += spd[i * n + k] * inverse[k * n + j] }
                worst = max(worst, abs(s - (i == j ? 1 : 0)))
            }
        }
        #expect(worst < 1e-3)
        var notDefinite: [Float] = [1, 2, 2, 1]
        #expect(!SymmetricInverse.invertInSwift(&notDefinite, n: 2))
    }

    @Test(
        "LAPACK and Swift Cholesky give the same inverse (within 1e-4 of its largest entry) on a 300 × 300 Gram matrix",
        .enabled(if: LAPACK.load() != nil, "OpenBLAS (libopenblas0) is not installed: only the Swift path exists here"))
    func lapackMatchesSwift() throws {
        let lapack = try #require(LAPACK.load())
        // A Gram matrix like EASE's: counts of co-purchases of 300 products by 2,000 customers, plus λ on the diagonal.
        let n = 300
        var random = SeededRandom(seed: 7)
        var gram = [Float](repeating: 0, count: n * n)
        for _ in 0..<2_000 {
            let basket = (0..<8).map { _ in Int(random.next() % UInt64(n)) }
            for a in basket { for b in basket { gram[a * n + b] += 1 } }
        }
        for k in 0..<n { gram[k * n + k] += 150 }
        var fast = gram, swift = gram
        #expect(SymmetricInverse.invertWithLAPACK(&fast, n: n, lapack))
        #expect(SymmetricInverse.invertInSwift(&swift, n: n))
        let largest = fast.map(abs).max() ?? 1
        var worstAbsolute: Float = 0
        for k in 0..<(n * n) { worstAbsolute = max(worstAbsolute, abs(fast[k] - swift[k])) }
        #expect(worstAbsolute <= 1e-4 * largest, "largest difference \(worstAbsolute) of \(largest)")
    }
}
