import Testing

@testable import RegularsMeasure

// Reference values from scipy 1.17: scipy.stats.t.ppf(p, df).
struct StudentTTests {
    @Test(arguments: [
        (0.975, 10.0, 2.228138851986274),
        (0.975, 3.0, 3.1824463052837078),
        (0.975, 30.0, 2.0422724563012378),
        (0.975, 1.0, 12.706204736174694),
        (0.975, 2.0, 4.302652729749462),
        (0.975, 4.5, 2.6589123472044034),
        (0.975, 1000.0, 1.9623390808264083),
        (0.975, 1e5, 1.9599877075346095),
        (0.9, 3.0, 1.637744353696209),
        (0.9, 30.0, 1.3104150253913955),
        (0.995, 10.0, 3.16927267261695),
        (0.995, 4.5, 4.272823993011293),
    ])
    func quantileMatchesScipy(p: Double, df: Double, expected: Double) {
        #expect(abs(StudentT.quantile(p, degreesOfFreedom: df) - expected) < 1e-7)
        #expect(abs(StudentT.quantile(1 - p, degreesOfFreedom: df) + expected) < 1e-7)
    }

    @Test func hugeDegreesOfFreedomFallBackToNormal() {
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1e9) - 1.959963984540054) < 1e-9)
    }

    @Test func cdfInvertsQuantile() {
        for df in [1.5, 3.0, 17.3, 250.0] {
            let t = StudentT.quantile(0.9, degreesOfFreedom: df)
            #expect(abs(StudentT.cdf(t, degreesOfFreedom: df) - 0.9) < 1e-10)
        }
    }
}
