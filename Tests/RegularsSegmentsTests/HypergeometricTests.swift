import Foundation
import Testing

@testable import RegularsSegments

@Suite("Gauss hypergeometric 2F1")
struct HypergeometricTests {
    /// (a, b, c, z, 2F1) from mpmath at 40 digits.
    static let reference: [(Double, Double, Double, Double, Double)] = [
        (0.5, 1.5, 2.2, 0.3, 1.1251183188950565186),
        (2.98, -0.21, 2.22, 0.47, 0.82066083462131138849),
        (2.98, -0.21, 30.22, 0.95, 0.97929212664673229485),
        (10.24, 12.43, 13.2, 0.5, 779.34092090440425345),
        (1.2, 2.3, 3.1, 0.999, 64.982234251179061896),
        (0.7, 1.3, 2.5, 0.99999, 2.7425016501613724779),
        (1.25, 0.75, 3.0, 0.97, 1.773797268810617011),
        (1.25, 0.75, 3.0000000001, 0.97, 1.7737972687507112318),
        (3.0, 2.0, 1.5, 0.93, 15884.650850392414444),
        (-0.4, 1.1, 0.6, 0.96, -0.97842784178867953998),
        (0.24, 2.43, 2.22, 0.9999, 29.56042546121724242),
        (1.25, 0.75, 3.0, 0.99999, 1.9204850446705901326),
        (1.25, 0.75, 3.0000001, 0.99999, 1.9204849536552186467),
        (1.25, 0.75, 3.0005, 0.99999, 1.9200301931108277519),
    ]

    @Test("matches mpmath across z up to 0.99999, with c − a − b at and near an integer", arguments: reference)
    func matchesReference(_ a: Double, _ b: Double, _ c: Double, _ z: Double, _ expected: Double) {
        let value = Hypergeometric.f21(a, b, c, z)
        #expect(abs(value - expected) <= 1e-9 * abs(expected), "2F1(\(a), \(b); \(c); \(z)) = \(value)")
    }

    @Test("the series and the 1 − z transformation agree where both converge")
    func pathsAgree() {
        for (a, b, c) in [(0.3, 1.7, 2.9), (2.98, -0.21, 4.22), (1.5, 2.5, 5.2)] {
            for z in [0.6, 0.8, 0.9] {
                let series = Hypergeometric.series(a, b, c, 1, z)
                #expect(series.converged)
                let transformed = Hypergeometric.oneMinusZ(a, b, c, z)
                #expect(abs(series.sum - transformed) <= 1e-11 * abs(series.sum))
            }
        }
    }

    @Test("2F1 at z = 0 is 1 and a terminating series is a polynomial")
    func specialValues() {
        #expect(Hypergeometric.f21(1.5, 2.5, 3.5, 0) == 1)
        // 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1)).
        let (b, c, z) = (1.5, 2.5, 0.95)
        let polynomial = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1))
        #expect(abs(Hypergeometric.f21(-2, b, c, z) - polynomial) < 1e-13)
    }
}

@Suite("Special functions")
struct SpecialFunctionsTests {
    @Test("digamma matches known values")
    func digamma() {
        let eulerGamma = 0.577_215_664_901_532_860_6
        #expect(abs(SpecialFunctions.digamma(1) + eulerGamma) < 1e-13)
        #expect(abs(SpecialFunctions.digamma(0.5) + eulerGamma + 2 * log(2.0)) < 1e-13)
        #expect(abs(SpecialFunctions.digamma(0.01) - (-100.560_885_457_869_9)) < 1e-10)
        #expect(abs(SpecialFunctions.digamma(1000) - 6.907_255_195_648_812) < 1e-13)
        // ψ(x+1) = ψ(x) + 1/x.
        #expect(abs(SpecialFunctions.digamma(3.7) - SpecialFunctions.digamma(2.7) - 1 / 2.7) < 1e-14)
    }

    @Test("signed log-gamma handles negative arguments and poles")
    func signedLogGamma() {
        let half = SpecialFunctions.signedLogGamma(-0.5)  // Γ(−1/2) = −2√π
        #expect(half.sign == -1)
        #expect(abs(half.log - log(2 * Double.pi.squareRoot())) < 1e-14)
        #expect(SpecialFunctions.signedLogGamma(-1.5).sign == 1)  // Γ(−3/2) = 4√π/3
        #expect(SpecialFunctions.signedLogGamma(-2).sign == 0)
    }
}
