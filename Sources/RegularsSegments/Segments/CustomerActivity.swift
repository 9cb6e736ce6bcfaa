import Foundation
import RegularsData

/// What the segment rules and RFM look at for one customer, measured at a reference day.
public struct CustomerActivity: Sendable, Hashable, Codable {
    public var orders: Int
    /// Distinct calendar days with an order.
    public var orderDays: Int
    public var totalSpend: Money
    public var daysSinceFirstOrder: Int
    public var daysSinceLastOrder: Int
    /// Median days between consecutive order days; `nil` with fewer than two order days.
    public var medianGapDays: Double?
    /// Orders with at least one gift product.
    public var giftOrders: Int
    /// Orders in the gift season months.
    public var seasonOrders: Int
    /// The day of the last order (midnight UTC).
    public var lastOrderDay: Date
    /// Order days in each season, in `Season.allCases` order.
    public var seasonDays: [Int] = [0, 0, 0, 0]

    /// Activity of every customer of `snapshot` with orders before `asOf` (default: the snapshot's), by
    /// `CustomerIndex`; `nil` for customers without such orders. One pass over the orders.
    static func measure(
        _ snapshot: Snapshot, asOf: Date, giftProducts: [Bool], seasonMonths: Set<Int>, southernHemisphere: Bool = false
    ) -> [CustomerActivity?] {
        let endSeconds = DayNumber.exclusiveEndSeconds(asOf)
        let today = DayNumber.lastIncludedDay(asOf: asOf)
        var gaps: [Int32] = []
        return (0..<snapshot.customerCount).map { customer -> CustomerActivity? in
            let orders = snapshot.orders(of: CustomerIndex(customer))
            var count = 0
            var spend: Int64 = 0
            var gifts = 0
            var season = 0
            var firstDay: Int32 = 0
            var lastDay: Int32 = 0
            var seasonDays = [0, 0, 0, 0]
            gaps.removeAll(keepingCapacity: true)
            for order in orders where snapshot.orderTime[order] < endSeconds {
                let day = DayNumber.day(ofSeconds: snapshot.orderTime[order])
                if count == 0 || day != lastDay {
                    let month = DayNumber.civil(day).month
                    seasonDays[
                        Season.allCases.firstIndex(of: .of(month: month, southernHemisphere: southernHemisphere))!] += 1
                }
                if count == 0 {
                    firstDay = day
                } else if day != lastDay {
                    gaps.append(day - lastDay)
                }
                lastDay = day
                count += 1
                spend += snapshot.orderTotal[order]
                if snapshot.lines(of: order).contains(where: { giftProducts[Int(snapshot.lineProduct[$0])] }) {
                    gifts += 1
                }
                if seasonMonths.contains(DayNumber.civil(day).month) { season += 1 }
            }
            guard count > 0 else { return nil }
            return CustomerActivity(
                orders: count, orderDays: gaps.count + 1, totalSpend: Money(units: spend),
                daysSinceFirstOrder: Int(today - firstDay), daysSinceLastOrder: Int(today - lastDay),
                medianGapDays: median(&gaps), giftOrders: gifts, seasonOrders: season,
                lastOrderDay: DayNumber.date(ofDay: lastDay), seasonDays: seasonDays)
        }
    }

    private static func median(_ values: inout [Int32]) -> Double? {
        guard !values.isEmpty else { return nil }
        values.sort()
        let middle = values.count / 2
        return values.count % 2 == 1 ? Double(values[middle]) : Double(values[middle - 1] + values[middle]) / 2
    }
}
