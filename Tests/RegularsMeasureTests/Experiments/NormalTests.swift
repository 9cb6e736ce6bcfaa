import Testing

@testable import RegularsMeasure

// Reference values from scipy 1.17: scipy.stats.norm.ppf / norm.cdf.
struct NormalTests {
    @Test func quantileKnownValues() {
        #expect(abs(Normal.quantile(0.975) - 1.959963984540054) < 1e-9)
        #expect(abs(Normal.quantile(0.001) - -3.090232306167813) < 1e-9)
        #expect(abs(Normal.quantile(0.6) - 0.2533471031357997) < 1e-9)
        #expect(abs(Normal.quantile(1e-10) - -6.361340902404056) < 1e-8)
        #expect(Normal.quantile(0.5) == 0)
    }

    @Test func quantileIsSymmetricAndInvertsTheCDF() {
        for p in [1e-8, 0.001, 0.02, 0.1, 0.3, 0.5, 0.77, 0.975, 0.999999] {
            #expect(abs(Normal.quantile(p) + Normal.quantile(1 - p)) < 1e-8)
            #expect(abs(Normal.cdf(Normal.quantile(p)) - p) < 1e-12 * max(1, p / 1e-4))
        }
    }

    @Test func cdfKnownValues() {
        #expect(abs(Normal.cdf(1) - 0.8413447460685429) < 1e-14)
        #expect(abs(Normal.cdf(-3.5) - 0.00023262907903552502) < 1e-17)
    }

    @Test func boundsDoNotTrap() {
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(-0.5) == -.infinity)
    }
}
