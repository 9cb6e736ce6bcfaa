import Foundation
import RegularsData

/// Per-product facts the ranker reads, as of `history.asOf`: popularity over recent windows and the same weeks a
/// year earlier, how often buyers come back for it and after how long, and its price.
struct ItemStatistics: Sendable {
    /// Distinct buyers whose last purchase is within 7, 30 and 90 days, and ever.
    var buyers7: [Float]
    var buyers30: [Float]
    var buyers90: [Float]
    var buyersAll: [Float]
    /// Share of buyers who bought it in two or more orders.
    var repeatShare: [Float]
    /// Median over repeat buyers of their mean days between purchases (-1: no repeat buyer).
    var medianGapDays: [Float]
    /// Mean unit price (currency units).
    var price: [Float]
    /// Distinct buyers in `[asOf − 365 d, asOf − 335 d)`: the coming 30 days, one year earlier.
    var buyersLastYear: [Float]
    /// Days since the product was first bought.
    var ageDays: [Float]

    init(history: PurchaseHistory) {
        let n = history.productCount
        let snapshot = history.snapshot
        let t = history.asOf
        var b7 = [Float](repeating: 0, count: n), b30 = b7, b90 = b7, all = b7, repeaters = b7
        var first = [Int64](repeating: .max, count: n)
        var gaps = [[Float]](repeating: [], count: n)
        for at in history.items.indices {
            let p = Int(history.items[at])
            let age = t - history.lastTime[at]
            all[p] += 1
            if age <= 90 * DayNumber.seconds { b90[p] += 1 }
            if age <= 30 * DayNumber.seconds { b30[p] += 1 }
            if age <= 7 * DayNumber.seconds { b7[p] += 1 }
            first[p] = min(first[p], history.firstTime[at])
            let count = history.orderCounts[at]
            if count >= 2 {
                repeaters[p] += 1
                gaps[p].append(
                    Float(history.lastTime[at] - history.firstTime[at]) / Float(count - 1) / Float(DayNumber.interval))
            }
        }
        var price = [Double](repeating: 0, count: n), lines = [Double](repeating: 0, count: n)
        var lastYear = [Float](repeating: 0, count: n)
        var seen = [Int32](repeating: -1, count: n)
        let from = t - 365 * DayNumber.seconds, to = t - 335 * DayNumber.seconds
        for customer in 0..<history.customerCount {
            for order in history.orders(of: CustomerIndex(customer)) {
                let time = snapshot.orderTime[order]
                for line in snapshot.lines(of: order) {
                    let p = Int(snapshot.lineProduct[line])
                    price[p] += Double(snapshot.lineUnitPrice[line]) / Double(Money.scale)
                    lines[p] += 1
                    if time >= from, time < to, seen[p] != Int32(customer) {
                        seen[p] = Int32(customer)
                        lastYear[p] += 1
                    }
                }
            }
        }
        buyers7 = b7
        buyers30 = b30
        buyers90 = b90
        buyersAll = all
        repeatShare = (0..<n).map { all[$0] > 0 ? repeaters[$0] / all[$0] : 0 }
        medianGapDays = gaps.map { g in
            guard !g.isEmpty else { return -1 }
            let s = g.sorted()
            return s[s.count / 2]
        }
        self.price = (0..<n).map { lines[$0] > 0 ? Float(price[$0] / lines[$0]) : 0 }
        buyersLastYear = lastYear
        ageDays = first.map { $0 == .max ? -1 : Float(t - $0) / Float(DayNumber.interval) }
    }
}
