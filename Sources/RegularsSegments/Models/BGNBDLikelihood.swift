import Foundation

/// The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) and its gradient, for the optimiser.
///
/// For one customer, with the pieces of the authors' note on implementing the model:
/// L = A₁·A₂·(A₃ + δ(x>0)·A₄), where log A₁ = log Γ(r+x) − log Γ(r) + r log α,
/// log A₂ = log Γ(a+b) + log Γ(b+x) − log Γ(b) − log Γ(a+b+x), log A₃ = −(r+x) log(α+T) and
/// log A₄ = log a − log(b+x−1) − (r+x) log(α+t_x). The sum A₃ + A₄ is taken in log space, so heavy
/// buyers (large x) neither underflow nor lose the smaller term. Terms that depend on x, T or t_x alone
/// are computed once per distinct value (`DistinctSummaries`).
struct BGNBDLikelihood: Sendable {
    let data: DistinctSummaries

    /// The parts of log L and of its derivatives that depend on x only, one entry per distinct x.
    private struct FrequencyTerms: Sendable {
        var constant: [Double] = []
        var logA4Factor: [Double] = []
        var dr: [Double] = []
        var da: [Double] = []
        var db: [Double] = []

        init(frequencies: [Int], r: Double, alpha: Double, a: Double, b: Double, gradient: Bool) {
            let lgR = SpecialFunctions.logGamma(r)
            let lgB = SpecialFunctions.logGamma(b)
            let lgAB = SpecialFunctions.logGamma(a + b)
            let psiR = gradient ? SpecialFunctions.digamma(r) : 0
            let psiB = gradient ? SpecialFunctions.digamma(b) : 0
            let psiAB = gradient ? SpecialFunctions.digamma(a + b) : 0
            for xi in frequencies {
                let x = Double(xi)
                let a1 = SpecialFunctions.logGamma(r + x) - lgR + r * log(alpha)
                let a2 = lgAB + SpecialFunctions.logGamma(b + x) - lgB - SpecialFunctions.logGamma(a + b + x)
                constant.append(a1 + a2)
                logA4Factor.append(xi > 0 ? log(a) - log(b + x - 1) : -.infinity)
                let psiABX = gradient ? SpecialFunctions.digamma(a + b + x) : 0
                dr.append(gradient ? SpecialFunctions.digamma(r + x) - psiR + log(alpha) : 0)
                da.append(psiAB - psiABX)
                db.append(gradient ? psiAB + SpecialFunctions.digamma(b + x) - psiB - psiABX : 0)
            }
        }
    }

    /// Total log-likelihood at `parameters` (weights count customers).
    func logLikelihood(_ parameters: BGNBDModel.Parameters) -> Double {
        let theta = [parameters.r, parameters.alpha, parameters.a, parameters.b].map { log($0) }
        return -evaluate(theta, gradient: false).value * data.totalWeight
    }

    /// Mean negative log-likelihood per customer at log-parameters θ = log(r, α, a, b), with its
    /// gradient in θ. Returns +∞ outside |θᵢ| ≤ 30, the optimiser's fence.
    func evaluate(_ theta: [Double], gradient wantsGradient: Bool = true) -> (value: Double, gradient: [Double]) {
        guard theta.allSatisfy({ abs($0) <= 30 }) else { return (.infinity, [0, 0, 0, 0]) }
        let r = exp(theta[0])
        let alpha = exp(theta[1])
        let a = exp(theta[2])
        let b = exp(theta[3])
        let terms = FrequencyTerms(
            frequencies: data.frequencies, r: r, alpha: alpha, a: a, b: b, gradient: wantsGradient)
        let logAge = data.ages.map { log(alpha + $0) }
        let logRecency = data.recencies.map { log(alpha + $0) }
        let data = self.data
        let totals = data.inChunks(5) { range, out in
            var sums = (0.0, 0.0, 0.0, 0.0, 0.0)
            for i in range {
                let k = Int(data.slot[i])
                let x = Double(data.frequencies[k])
                let w = data.weight[i]
                let logAT = logAge[Int(data.ageSlot[i])]
                let l3 = -(r + x) * logAT
                var share = 0.0  // A₄ / (A₃ + A₄)
                var logSum = l3
                var logATx = 0.0
                if x > 0 {
                    logATx = logRecency[Int(data.recencySlot[i])]
                    let l4 = terms.logA4Factor[k] - (r + x) * logATx
                    // One exp serves both log(e^l3 + e^l4) and the share of e^l4.
                    let e = exp(-abs(l3 - l4))
                    logSum = max(l3, l4) + log1p(e)
                    share = l4 >= l3 ? 1 / (1 + e) : e / (1 + e)
                }
                sums.0 += w * (terms.constant[k] + logSum)
                guard wantsGradient else { continue }
                sums.1 += w * (terms.dr[k] - (1 - share) * logAT - share * logATx)
                let inverseAge = (1 - share) / (alpha + data.age[i])
                let inverseRecency = share / (alpha + data.recency[i])
                sums.2 += w * (r / alpha - (r + x) * (inverseAge + inverseRecency))
                sums.3 += w * (terms.da[k] + share / a)
                sums.4 += w * (terms.db[k] - (x > 0 ? share / (b + x - 1) : 0))
            }
            out[0] = sums.0
            out[1] = sums.1
            out[2] = sums.2
            out[3] = sums.3
            out[4] = sums.4
        }
        let n = data.totalWeight
        let value = -totals[0] / n
        guard value.isFinite else { return (.infinity, [0, 0, 0, 0]) }
        // Chain rule into log-parameters: ∂/∂θ = p ∂/∂p.
        let gradient = [-totals[1] * r / n, -totals[2] * alpha / n, -totals[3] * a / n, -totals[4] * b / n]
        return (value, gradient)
    }
}
