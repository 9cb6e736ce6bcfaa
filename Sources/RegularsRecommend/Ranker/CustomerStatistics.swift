import Foundation
import RegularsData

/// Per-customer facts the ranker reads, as of `history.asOf`.
struct CustomerStatistics: Sendable {
    var orders: [Float]
    var daysSinceLastOrder: [Float]
    var daysSinceFirstOrder: [Float]
    /// Mean days between orders (-1 with one order).
    var meanGapDays: [Float]
    /// Mean lines per order.
    var basketSize: [Float]
    var distinctProducts: [Float]
    /// Orders in the same 30 days one year earlier.
    var ordersLastYear: [Float]

    init(history: PurchaseHistory) {
        let snapshot = history.snapshot
        let t = history.asOf
        let count = history.customerCount
        var orders = [Float](repeating: 0, count: count), last = [Float](repeating: -1, count: count)
        var first = last, gap = last, basket = orders, distinct = orders, lastYear = orders
        for c in 0..<count {
            let range = history.orders(of: CustomerIndex(c))
            guard !range.isEmpty else { continue }
            orders[c] = Float(range.count)
            last[c] = Float(t - snapshot.orderTime[range.upperBound - 1]) / Float(DayNumber.interval)
            first[c] = Float(t - snapshot.orderTime[range.lowerBound]) / Float(DayNumber.interval)
            if range.count > 1 { gap[c] = (first[c] - last[c]) / Float(range.count - 1) }
            basket[c] =
                Float(snapshot.orderLineStart[range.upperBound] - snapshot.orderLineStart[range.lowerBound])
                / Float(range.count)
            distinct[c] = Float(history.row(CustomerIndex(c)).count)
            lastYear[c] = Float(
                range.filter {
                    snapshot.orderTime[$0] >= t - 365 * DayNumber.seconds
                        && snapshot.orderTime[$0] < t - 335 * DayNumber.seconds
                }.count)
        }
        self.orders = orders
        daysSinceLastOrder = last
        daysSinceFirstOrder = first
        meanGapDays = gap
        basketSize = basket
        distinctProducts = distinct
        ordersLastYear = lastYear
    }
}
