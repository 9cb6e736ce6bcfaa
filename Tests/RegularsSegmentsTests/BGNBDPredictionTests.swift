import Foundation
import Testing

@testable import RegularsSegments

@Suite("BG/NBD predictions")
struct BGNBDPredictionTests {
    let model = BGNBDModel(parameters: CDNOW.clvTools, unit: .weeks)

    /// (x, t_x, T, t, E[Y(t)]) at CLVTools' parameters, from eq. 10 in mpmath at 40 digits.
    static let conditional: [(Int, Double, Double, Double, Double)] = [
        (2, 30.43, 38.86, 0.5, 0.01877440577045596742), (2, 30.43, 38.86, 39, 1.2259057045100396496),
        (2, 30.43, 38.86, 520, 7.3193446770772196104), (2, 30.43, 38.86, 5200, 19.71797617468404975),
        (0, 0, 38.86, 0.5, 0.0027980922782012006645), (0, 0, 38.86, 39, 0.19478194712418164343),
        (0, 0, 38.86, 520, 1.4624081299956494878), (0, 0, 38.86, 5200, 5.0126353586112619375),
        (0, 0, 0, 0.5, 0.027022445617418465583), (0, 0, 0, 39, 1.1950086498463482933),
        (0, 0, 0, 520, 4.9686362327570803971), (0, 0, 0, 5200, 12.136222175494199136),
        (14, 35.71, 38.43, 39, 8.9486694571477196192), (14, 35.71, 38.43, 5200, 113.09370678318008414),
        (1, 1.71, 38.86, 39, 0.20325394415348620717), (1, 1.71, 38.86, 5200, 3.7475480876993254178),
        (40, 38, 38.5, 0.5, 0.45293233462944962198), (40, 38, 38.5, 5200, 331.97797222145236211),
    ]

    /// (ID, x, t_x, T, P(alive), E[Y(39)], E[Z]) from lifetimes 0.11.3 fitted on cdnow-summary.csv.
    static let lifetimes: [(String, Int, Double, Double, Double, Double, Double)] = [
        ("1", 2, 30.43, 38.86, 0.7266091368, 1.2259104240, 24.6586161900),
        ("2", 1, 1.71, 38.86, 0.2122273881, 0.2032506243, 18.9114798700),
        ("3", 0, 0.0, 38.86, 1.0000000000, 0.1947808579, 35.1710021500),
        ("1190", 1, 0.86, 32.57, 0.2138167558, 0.2344319510, 25.8388514500),
        ("1239", 2, 13.14, 32.29, 0.4524492694, 0.8767904462, 40.2045801900),
        ("1271", 3, 11.86, 32.14, 0.2881240238, 0.7956772232, 30.0933929700),
        ("1160", 4, 31.43, 32.71, 0.8550001179, 3.0125817480, 39.2338776700),
        ("1114", 6, 18.43, 33.0, 0.3009362527, 1.5254111700, 25.3583183900),
        ("908", 7, 26.0, 34.0, 0.6619648933, 3.7903768700, 26.9366672400),
        ("1712", 9, 28.57, 30.14, 0.8953470341, 7.0553103570, 32.2715015300),
        ("1081", 11, 32.0, 33.14, 0.9172284303, 8.1853436490, 103.7901119000),
        ("276", 13, 30.71, 37.14, 0.6625911626, 6.3994730920, 18.1355598600),
        ("1887", 15, 23.86, 29.29, 0.5873837382, 7.6713975890, 20.2664242300),
        ("1981", 17, 28.43, 28.86, 0.9489011952, 14.1177052900, 47.9011004600),
        ("1901", 21, 4.71, 29.29, 0.0000000000, 0.0000000004, 294.2121143000),
        ("325", 25, 27.29, 36.86, 0.0409963167, 0.7497320311, 37.1747958800),
        ("157", 29, 37.71, 38.0, 0.9691335940, 20.0536653200, 26.3929476600),
    ]

    @Test("customer 1 (x = 2, t_x = 30.43, T = 38.86) expects 1.226 purchases in the next 39 weeks")
    func customerOne() {
        let one = CustomerSummary(frequency: 2, recency: 30.43, age: 38.86)
        #expect(abs(model.expectedPurchases(one, within: 39) - 1.226) < 0.0005)
        #expect(abs(model.probabilityAlive(one) - 0.7266) < 0.00005)
    }

    @Test("E[Y(t)] matches eq. 10 evaluated in mpmath, up to t = 5,200 weeks", arguments: conditional)
    func conditionalExpectation(_ x: Int, _ tx: Double, _ age: Double, _ t: Double, _ expected: Double) {
        let value = model.expectedPurchases(CustomerSummary(frequency: x, recency: tx, age: age), within: t)
        #expect(abs(value - expected) <= 1e-9 * expected, "x \(x), t \(t): \(value)")
    }

    @Test("E[Y(t)] stays exact when a is 1 or above it (mpmath)")
    func aNearOne() {
        let summary = CustomerSummary(frequency: 3, recency: 20, age: 38)
        for (a, t, expected) in [
            (1.0000001, 39.0, 0.99342351558313934848), (1.0000001, 2000, 7.6327027809084534693),
            (1.7, 39, 0.62572959238292324407), (1.7, 2000, 2.351856437096875298),
        ] {
            var parameters = CDNOW.clvTools
            parameters.a = a
            let value = BGNBDModel(parameters: parameters, unit: .weeks).expectedPurchases(summary, within: t)
            #expect(abs(value - expected) <= 1e-8 * expected, "a \(a), t \(t): \(value)")
        }
    }

    @Test("P(alive) and E[Y(39)] agree with lifetimes to 1e-3 for customers of every frequency", arguments: lifetimes)
    func agreesWithLifetimes(
        _ id: String, _ x: Int, _ tx: Double, _ age: Double, _ alive: Double, _ purchases: Double, _ spend: Double
    ) throws {
        let fitted = BGNBDModel.estimate(try CDNOW.summaries().rows, unit: .weeks)
        let summary = CustomerSummary(frequency: x, recency: tx, age: age)
        #expect(abs(fitted.probabilityAlive(summary) - alive) < 1e-3, "customer \(id)")
        #expect(abs(fitted.expectedPurchases(summary, within: 39) - purchases) < 1e-3, "customer \(id)")
    }

    @Test("E[Y(t)] of every CDNOW customer equals the integral over the posterior drop-out probability")
    func agreesWithQuadrature() throws {
        let p = model.parameters
        for summary in try CDNOW.summaries().rows {
            let x = Double(summary.frequency)
            for t in [39.0, 260] {
                // E[Y(t)] = P(alive) · ∫ Beta(π; a, b+x) (1 − (1 + π s)^−(r+x)) / π dπ, s = t/(α+T).
                let s = t / (p.alpha + summary.age)
                let logBeta = lgamma(p.a) + lgamma(p.b + x) - lgamma(p.a + p.b + x)
                let integral = TanhSinh.integrate { pi in
                    let density = exp((p.a - 1) * log(pi) + (p.b + x - 1) * log1p(-pi) - logBeta)
                    return density * -expm1(-(p.r + x) * log1p(pi * s)) / pi
                }
                let expected = model.probabilityAlive(summary) * integral
                let value = model.expectedPurchases(summary, within: t)
                #expect(abs(value - expected) <= 1e-7 * max(expected, 1e-3), "\(summary), t \(t)")
            }
        }
    }

    @Test("a new customer's chance of no purchase in t is (α/(α+t))^r, lifetimes' P(X(39) = 0) = 0.5743")
    func newCustomer() {
        let fresh = CustomerSummary(frequency: 0, recency: 0, age: 0)
        #expect(abs(1 - model.probabilityOfPurchase(fresh, within: 39) - 0.574_307_194_557_651_8) < 1e-12)
        #expect(model.expectedPurchases(newCustomerWithin: 39) == model.expectedPurchases(fresh, within: 39))
    }

    @Test("the next purchase is due when a purchase becomes more likely than not")
    func nextPurchase() throws {
        let likely = CustomerSummary(frequency: 2, recency: 30.43, age: 38.86)
        let time = try #require(model.timeToNextPurchase(likely))
        #expect(abs(model.probabilityOfPurchase(likely, within: time) - 0.5) < 1e-12)
        let gone = CustomerSummary(frequency: 1, recency: 1.71, age: 38.86)  // P(alive) 0.21
        #expect(model.timeToNextPurchase(gone) == nil)
        let regular = CustomerSummary(frequency: 29, recency: 37.71, age: 38)
        #expect(try #require(model.timeToNextPurchase(regular)) < time)
    }

    @Test("nothing is expected in no time, and expectations grow with the horizon")
    func monotone() {
        let summary = CustomerSummary(frequency: 4, recency: 31.43, age: 32.71)
        #expect(model.expectedPurchases(summary, within: 0) == 0)
        var previous = 0.0
        for t in [1.0, 4, 13, 26, 52, 104, 520] {
            let value = model.expectedPurchases(summary, within: t)
            #expect(value > previous)
            previous = value
        }
    }
}
