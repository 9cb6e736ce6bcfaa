import Foundation
import RegularsData

/// "Next step with timing": products customers go on to buy `minimumLagDays`…`maximumLagDays` after another
/// one (raised-bed kit → soil amendment 6–8 weeks later), with the lag's quartiles, so that a campaign knows
/// what to offer and when to send it.
///
/// Steps are learned from each customer's *first* purchase of each product (a next step is something new):
/// a customer supports `a → b` when their first `b` came `minimumLagDays`…`maximumLagDays` after their first
/// `a`, and the lag is the time between the two. With `s` supporting customers and `n` customers whose first
/// `a` is at least `minimumLagDays` before `asOf`, the step's confidence is `c = s / (n + k)` (`k = shrinkage`).
/// `b`'s base rate `p(b)` is the share of customers whose first `b` came within the same lag window after
/// *any* of their orders. A step is kept when `s >= minimumCustomers` and it beats the base rate significantly:
/// `z = (s - n p) / sqrt(n p (1 - p) + 1) >= minimumZ` (a binomial z-score with a continuity floor), so a
/// bestseller that everyone buys anyway is not a "next step". The score is the uplift `c - p(b)`: how much
/// likelier `b` is after `a` than after any purchase.
public struct NextStepModel: Sendable, Codable {
    public struct Settings: Sendable, Codable, Equatable {
        /// Earliest follow-up counted, days (keeps the same order and the same week out).
        public var minimumLagDays = 7.0
        /// Latest follow-up counted, days.
        public var maximumLagDays = 180.0
        /// Pseudo-customers added to the anchor's count.
        public var shrinkage: Float = 5
        /// Fewest distinct customers behind a step.
        public var minimumCustomers = 3
        /// Smallest z-score against the base rate.
        public var minimumZ: Float = 2
        /// Steps kept per product.
        public var neighbourCount = 20
        /// How many days before the median lag (at the latest at the 25th percentile) to reach out.
        public var leadDays: Float = 3
        public init() {}
    }

    /// One stored next step of a product.
    public struct Step: Sendable, Hashable, Codable {
        public var product: ProductIndex
        /// The uplift over the base rate (see the type's comment).
        public var score: Float
        /// Distinct customers who bought `product` in the window after the anchor.
        public var customers: Int
        /// Lag quartiles, days.
        public var lagDays: Quartiles
    }

    public let settings: Settings
    public let asOf: Date
    /// Best next steps per product, best first.
    public let steps: ProductNeighbours
    /// Parallel to `steps.neighbour`: supporting customers and lag quartiles in days.
    public let support: [Int32]
    public let lagP25Days: [Float]
    public let lagMedianDays: [Float]
    public let lagP75Days: [Float]
    /// Per customer, their purchases within `maximumLagDays` before `asOf` of products that have next steps,
    /// oldest first: `recentProduct[recentStart[c] ..< recentStart[c + 1]]`, times in seconds since 1970.
    let recentStart: [Int32]
    let recentProduct: [ProductIndex]
    let recentTime: [Int64]

    /// The stored next steps of one product, best first.
    public func nextSteps(after product: ProductIndex, limit: Int = .max) -> [Step] {
        steps.row(product).prefix(max(0, limit)).map { k in
            Step(
                product: steps.neighbour[k], score: steps.score[k], customers: Int(support[k]),
                lagDays: Quartiles(p25: lagP25Days[k], median: lagMedianDays[k], p75: lagP75Days[k]))
        }
    }
}
