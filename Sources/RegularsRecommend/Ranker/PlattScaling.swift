import Foundation

/// Turns the ranker's raw score into the probability that the customer buys the product in the next 30 days:
/// `σ(slope · score + intercept)`, fitted on customers the trees never saw (Platt 1999, with the target
/// smoothing and Newton steps of Lin, Lin & Weng 2007).
///
/// The trees' own log-odds are not that probability: they were fitted on rows where only a share of the
/// negatives were kept, and boosting is over-confident at its extremes. A probability is what a shop owner can
/// read and what `margin × P(purchase)` needs.
public struct PlattScaling: Sendable, Codable, Equatable {
    public var slope: Float
    public var intercept: Float

    public init(slope: Float, intercept: Float) {
        self.slope = slope
        self.intercept = intercept
    }

    public func probability(_ score: Float) -> Float { 1 / (1 + exp(-(slope * score + intercept))) }

    /// Only the correction for negative sampling (kept negatives are `share` of all: the odds are `share` times
    /// the sampled odds), for a ranker without held-out rows to fit on.
    static func samplingCorrection(_ share: Double) -> Self {
        PlattScaling(slope: 1, intercept: Float(log(max(share, 1e-6))))
    }

    /// The maximum-likelihood fit to `labels` (0 or 1) of `scores`; `nil` without both a positive and a negative,
    /// or when the fit would not keep the scores' order.
    static func fit(scores: [Float], labels: [Float]) -> Self? {
        let positives = Double(labels.reduce(0, +))
        let negatives = Double(labels.count) - positives
        guard positives > 0, negatives > 0 else { return nil }
        // Platt's targets: not 0 and 1, which would reward an infinitely steep fit on separable rows.
        let high = (positives + 1) / (positives + 2), low = 1 / (negatives + 2)
        var a = 0.0, b = log((positives + 1) / (negatives + 1))

        func loss(_ a: Double, _ b: Double) -> Double {
            var total = 0.0
            for (score, label) in zip(scores, labels) {
                let z = a * Double(score) + b
                let target = label > 0 ? high : low
                // −[t·log σ(z) + (1 − t)·log(1 − σ(z))], written to stay finite for large |z|.
                total += (z > 0 ? log1p(exp(-z)) + (1 - target) * z : log1p(exp(z)) - target * z)
            }
            return total
        }

        var current = loss(a, b)
        for _ in 0..<100 {
            var ga = 0.0, gb = 0.0, haa = 1e-12, hab = 0.0, hbb = 1e-12
            for (score, label) in zip(scores, labels) {
                let f = Double(score)
                let p = 1 / (1 + exp(-(a * f + b)))
                let r = p - (label > 0 ? high : low)
                let w = p * (1 - p)
                ga += r * f
                gb += r
                haa += w * f * f
                hab += w * f
                hbb += w
            }
            if abs(ga) < 1e-6 && abs(gb) < 1e-6 { break }
            let det = haa * hbb - hab * hab
            guard det > 0 else { break }
            let da = -(hbb * ga - hab * gb) / det, db = -(haa * gb - hab * ga) / det
            // Halve the Newton step until the loss falls.
            var step = 1.0
            while step >= 1e-8 {
                let next = loss(a + step * da, b + step * db)
                if next < current + 1e-4 * step * (ga * da + gb * db) {
                    a += step * da
                    b += step * db
                    current = next
                    break
                }
                step /= 2
            }
            if step < 1e-8 { break }
        }
        // A slope that is not positive would reverse the trees' order: the held-out rows were too few to say.
        guard a > 0, a.isFinite, b.isFinite else { return nil }
        return PlattScaling(slope: Float(a), intercept: Float(b))
    }
}
