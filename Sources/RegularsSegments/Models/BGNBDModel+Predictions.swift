import Foundation

extension BGNBDModel {
    /// P(alive | x, t_x, T): the probability that the customer has not left. Fader, Hardie & Lee (2008),
    /// "Computing P(alive) using the BG/NBD model", eq. 2:
    /// 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). A customer without repeats is alive (1),
    /// since BG/NBD lets customers leave only right after a purchase.
    public func probabilityAlive(_ summary: CustomerSummary) -> Double {
        guard summary.frequency > 0 else { return 1 }
        let (r, alpha, a, b) = (parameters.r, parameters.alpha, parameters.a, parameters.b)
        let x = Double(summary.frequency)
        let logOdds = log(a) - log(b + x - 1) + (r + x) * (log(alpha + summary.age) - log(alpha + summary.recency))
        return 1 / (1 + exp(logOdds))
    }

    /// E[Y(t) | x, t_x, T]: expected repeat purchase days in the next `t` units. Fader, Hardie & Lee
    /// (2005), eq. 10:
    /// (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive).
    ///
    /// Evaluated through Euler's transformation, (1−z)^(r+x) ₂F₁(r+x, b+x; c; z) =
    /// (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; c; z), whose series has small parameters even for heavy buyers,
    /// and written so that the factor 1/(a−1) cancels analytically (exact at a = 1). Costs a series of
    /// tens of terms for usual horizons (hundreds when t ≫ α + T).
    public func expectedPurchases(_ summary: CustomerSummary, within t: Double) -> Double {
        guard t > 0 else { return 0 }
        let (r, alpha, a, b) = (parameters.r, parameters.alpha, parameters.a, parameters.b)
        let x = Double(summary.frequency)
        let c = a + b + x - 1
        let base = alpha + summary.age
        let z = t / (base + t)
        let logW = -log1p(t / base)  // log(1 − z)
        let pAlive = probabilityAlive(summary)
        let aPrime = a + b - 1 - r
        if z <= 0.9 || abs(a - 1) < 1e-3 {
            // (1 − G)/(a − 1) = −L φ − S (1−z)^(a−1), with ₂F₁(a', a−1; c; z) = 1 + (a−1) S,
            // S = Σₙ≥₁ (a')ₙ (a)ₙ₋₁ zⁿ / ((c)ₙ n!) and (1−z)^(a−1) = 1 + (a−1) L φ.
            let (tail, converged) = Hypergeometric.series(aPrime + 1, a, c + 1, 2, z, maxTerms: 1_000_000)
            if converged || a == 1 {
                let s = aPrime / c * z * tail
                let phi = SpecialFunctions.expm1OverX((a - 1) * logW)
                return pAlive * c * (-logW * phi - s * exp((a - 1) * logW))
            }
        }
        let g = exp((a - 1) * logW) * Hypergeometric.f21(aPrime, a - 1, c, z)
        return pAlive * c / (a - 1) * (1 - g)
    }

    /// E[X(t)]: expected repeat purchases of a customer acquired now, in their first `t` units
    /// (eq. 7; eq. 10 with x = t_x = T = 0).
    public func expectedPurchases(newCustomerWithin t: Double) -> Double {
        expectedPurchases(CustomerSummary(frequency: 0, recency: 0, age: 0), within: t)
    }

    /// The probability of at least one purchase in the next `t` units:
    /// P(alive) · (1 − ((α+T)/(α+T+t))^(r+x)), since an alive customer's rate given the history is
    /// Gamma(r+x, α+T).
    public func probabilityOfPurchase(_ summary: CustomerSummary, within t: Double) -> Double {
        guard t > 0 else { return 0 }
        let base = parameters.alpha + summary.age
        let shape = parameters.r + Double(summary.frequency)
        return probabilityAlive(summary) * -expm1(-shape * log1p(t / base))
    }

    /// The expected time to the next purchase, in units from the end of the calibration period: the
    /// median of the time to the next purchase, counting "has left" as never — the time by which a
    /// purchase is more likely than not, where `probabilityOfPurchase` reaches 1/2. Closed form:
    /// (α+T) · ((1 − 1/(2 P(alive)))^(−1/(r+x)) − 1).
    ///
    /// `nil` when P(alive) ≤ 1/2: then the customer more likely than not never buys again, and no date
    /// is honest. This choice, unlike "when E[Y(t)] reaches 1", exists for one-order customers with
    /// a low rate and never waits on purchases from customers who have left.
    public func timeToNextPurchase(_ summary: CustomerSummary) -> Double? {
        let pAlive = probabilityAlive(summary)
        guard pAlive > 0.5 else { return nil }
        let shape = parameters.r + Double(summary.frequency)
        let time = (parameters.alpha + summary.age) * expm1(-log1p(-1 / (2 * pAlive)) / shape)
        return time.isFinite ? time : nil
    }
}
