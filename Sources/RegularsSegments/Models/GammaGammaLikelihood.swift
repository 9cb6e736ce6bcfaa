import Foundation

/// The Gamma-Gamma log-likelihood of mean spends and its gradient in log-parameters (Fader, Hardie &
/// Lee 2005, "The Gamma-Gamma model of monetary value", the density of z̄ given x):
/// f(z̄ | x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q x^(px) z̄^(px−1) / (γ + x z̄)^(px+q).
struct GammaGammaLikelihood: Sendable {
    let data: DistinctSummaries
    private let logX: [Double]
    private let logSpend: [Double]

    /// The parts that depend on x only, one entry per distinct x.
    private struct FrequencyTerms: Sendable {
        var constant: [Double] = []
        var dp: [Double] = []
        var dq: [Double] = []

        init(frequencies: [Int], p: Double, q: Double, gradient: Bool) {
            let lgQ = SpecialFunctions.logGamma(q)
            let psiQ = gradient ? SpecialFunctions.digamma(q) : 0
            for xi in frequencies {
                let x = Double(xi)
                constant.append(SpecialFunctions.logGamma(p * x + q) - SpecialFunctions.logGamma(p * x) - lgQ)
                let psiTotal = gradient ? SpecialFunctions.digamma(p * x + q) : 0
                dp.append(gradient ? x * (psiTotal - SpecialFunctions.digamma(p * x)) : 0)
                dq.append(psiTotal - psiQ)
            }
        }
    }

    /// `data` must hold repeat buyers (x > 0) with a positive z̄ only.
    init(data: DistinctSummaries) {
        self.data = data
        logX = data.slot.map { log(Double(data.frequencies[Int($0)])) }
        logSpend = data.averageSpend.map { log($0) }
    }

    func logLikelihood(_ parameters: GammaGammaModel.Parameters) -> Double {
        let theta = [parameters.p, parameters.q, parameters.gamma].map { log($0) }
        return -evaluate(theta, gradient: false).value * data.totalWeight
    }

    /// Mean negative log-likelihood at θ = log(p, q, γ) and its gradient in θ; +∞ outside |θᵢ| ≤ 30.
    func evaluate(_ theta: [Double], gradient wantsGradient: Bool = true) -> (value: Double, gradient: [Double]) {
        guard theta.allSatisfy({ abs($0) <= 30 }) else { return (.infinity, [0, 0, 0]) }
        let p = exp(theta[0])
        let q = exp(theta[1])
        let gamma = exp(theta[2])
        let terms = FrequencyTerms(frequencies: data.frequencies, p: p, q: q, gradient: wantsGradient)
        let logGamma = log(gamma)
        let (data, logX, logSpend) = (self.data, self.logX, self.logSpend)
        let totals = data.inChunks(4) { range, out in
            var sums = (0.0, 0.0, 0.0, 0.0)
            for i in range {
                let k = Int(data.slot[i])
                let x = Double(data.frequencies[k])
                let w = data.weight[i]
                let spend = data.averageSpend[i]
                let logDenominator = log(gamma + x * spend)
                let px = p * x
                let density = terms.constant[k] + q * logGamma + px * logX[i] + (px - 1) * logSpend[i]
                sums.0 += w * (density - (px + q) * logDenominator)
                guard wantsGradient else { continue }
                sums.1 += w * (terms.dp[k] + x * (logX[i] + logSpend[i] - logDenominator))
                sums.2 += w * (terms.dq[k] + logGamma - logDenominator)
                sums.3 += w * (q / gamma - (px + q) / (gamma + x * spend))
            }
            out[0] = sums.0
            out[1] = sums.1
            out[2] = sums.2
            out[3] = sums.3
        }
        let n = data.totalWeight
        let value = -totals[0] / n
        guard value.isFinite else { return (.infinity, [0, 0, 0]) }
        return (value, [-totals[1] * p / n, -totals[2] * q / n, -totals[3] * gamma / n])
    }
}
