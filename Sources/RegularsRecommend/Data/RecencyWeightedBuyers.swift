import Foundation
import RegularsData

/// Distinct customers per product, each weighted by a function of the time of their latest purchase of it,
/// and the same weight summed over all customers (of their latest order).
///
/// The one popularity count of the package: `PopularModel`'s bestsellers, `TrendingModel`'s scores (the ranker's
/// candidates and fallback) and the item-to-item models' base rates are all this count with another weight.
struct RecencyWeightedBuyers {
    /// Per product.
    let count: [Float]
    /// Over all customers with an order before the cutoff.
    let total: Float

    /// Counts orders strictly before `before` (seconds since 1970).
    init(_ snapshot: Snapshot, before: Int64, weight: (Int64) -> Float) {
        var count = [Float](repeating: 0, count: snapshot.productCount)
        var seen = [Int32](repeating: -1, count: snapshot.productCount)
        var total: Float = 0
        for customer in 0..<Int32(snapshot.customerCount) {
            var counted = false
            for line in snapshot.lines(ofCustomer: customer).reversed() {
                let time = snapshot.lineTime(line)
                guard time < before else { continue }
                if !counted {
                    total += weight(time)
                    counted = true
                }
                let p = Int(snapshot.lineProduct[line])
                if seen[p] != customer {
                    seen[p] = customer
                    count[p] += weight(time)
                }
            }
        }
        self.count = count
        self.total = total
    }

    /// Each buyer counts `0.5 ^ (age / halfLifeDays)` of their latest purchase before `before`, and nothing when
    /// that purchase is more than `windowDays` old.
    init(_ snapshot: Snapshot, before: Int64, halfLifeDays: Double, windowDays: Double) {
        let window = DayNumber.seconds(windowDays)
        let decay = -log(2.0) / (halfLifeDays * DayNumber.interval)
        self.init(snapshot, before: before) { time in
            let age = before - time
            return age <= window ? Float(exp(decay * Double(age))) : 0
        }
    }
}
