import Foundation
import RegularsData

/// Products whose sales gather in one month of the year: their share of sales by month, from at least a year of
/// history, so a list in late autumn can say "Popular every December" and mean it.
///
/// Orders, not units (one wholesale order of 500 candles is one order), counted per calendar month and divided by
/// how many times the history covers that month, so a history of 14 months does not make its two repeated
/// months look seasonal; and only for products on sale most of a year (first to last sale), so a launch or a
/// clearance is not taken for a season. A product is seasonal when its peak month holds at least
/// `minimumPeakShare` of its sales and the three months around the peak at least half; "every" needs the peak
/// month to have sold in every year of the history that covers it, at least two.
public struct SeasonalProfiles: Sendable {
    public struct Profile: Sendable, Hashable {
        public var product: ProductIndex
        /// The peak month, 1–12.
        public var month: Int
        /// Share of the product's (exposure-corrected) sales in the peak month.
        public var share: Float
        /// Whether the peak came back in every year that covered its month, two at least.
        public var recurring: Bool
    }

    public struct Settings: Sendable, Hashable {
        /// Distinct orders a product needs before its months mean anything.
        public var minimumOrders = 12
        /// Three times a month's uniform share (1/12).
        public var minimumPeakShare: Float = 0.25
        public var minimumHistoryDays = 365
        /// Days between a product's first and last sale: a product launched, or cleared, within the year has its
        /// orders bunched by its own life, not by the season.
        public var minimumSellingDays = 300
        public init() {}
    }

    /// By month (index 0 = January), the products peaking in it, strongest first.
    let byMonth: [[Profile]]

    /// The seasonal products peaking in `month` (1–12), strongest first.
    public func peaking(in month: Int) -> [Profile] { byMonth[(month - 1 + 12) % 12] }

    /// Every seasonal product's profile.
    public var all: [Profile] { byMonth.flatMap { $0 } }

    public init(snapshot: Snapshot, settings: Settings = .init()) {
        byMonth = Self.profiles(snapshot, settings: settings)
    }

    static func profiles(_ snapshot: Snapshot, settings: Settings) -> [[Profile]] {
        var byMonth = [[Profile]](repeating: [], count: 12)
        guard snapshot.orderCount > 0, let first = snapshot.orderTime.min() else { return byMonth }
        let firstDay = DayNumber.day(ofSeconds: first)
        let lastDay = DayNumber.lastIncludedDay(asOf: snapshot.asOf)
        guard Int(lastDay - firstDay) >= settings.minimumHistoryDays else { return byMonth }
        // How many times each calendar month occurs in the history, counting part months by their share of days.
        // Years count as covering a month when the history holds at least half of it.
        var exposure = [Double](repeating: 0, count: 12)
        var daysIn: [Int: Int] = [:]
        for day in firstDay...lastDay {
            let civil = DayNumber.civil(day)
            exposure[civil.month - 1] += 1.0 / 30.44
            daysIn[civil.year * 12 + civil.month - 1, default: 0] += 1
        }
        var yearsCovering = [Set<Int>](repeating: [], count: 12)
        for (key, days) in daysIn where days >= 15 { yearsCovering[key % 12].insert(key / 12) }
        // Orders per product and month, and the years in which each product sold in each month.
        var counts = [[Int32]](repeating: [Int32](repeating: 0, count: 12), count: snapshot.products.count)
        var soldIn: [Int: Set<Int>] = [:]
        var firstSale = [Int64](repeating: .max, count: snapshot.products.count)
        var lastSale = [Int64](repeating: .min, count: snapshot.products.count)
        for order in 0..<snapshot.orderCount {
            let civil = DayNumber.civil(DayNumber.day(ofSeconds: snapshot.orderTime[order]))
            var seen = Set<ProductIndex>()
            for line in snapshot.lines(of: order) {
                let product = snapshot.lineProduct[line]
                guard seen.insert(product).inserted else { continue }
                firstSale[Int(product)] = min(firstSale[Int(product)], snapshot.orderTime[order])
                lastSale[Int(product)] = max(lastSale[Int(product)], snapshot.orderTime[order])
                counts[Int(product)][civil.month - 1] += 1
                soldIn[Int(product) * 12 + civil.month - 1, default: []].insert(civil.year)
            }
        }
        for (p, months) in counts.enumerated() where months.reduce(0, +) >= settings.minimumOrders {
            guard !snapshot.products[p].sensitive,
                lastSale[p] - firstSale[p] >= Int64(settings.minimumSellingDays) * DayNumber.seconds
            else { continue }
            let rates = months.indices.map { exposure[$0] > 0 ? Double(months[$0]) / exposure[$0] : 0 }
            let total = rates.reduce(0, +)
            guard total > 0, let peak = rates.indices.max(by: { rates[$0] < rates[$1] }) else { continue }
            let share = rates[peak] / total
            let around = (rates[(peak + 11) % 12] + rates[peak] + rates[(peak + 1) % 12]) / total
            guard Float(share) >= settings.minimumPeakShare, around >= 0.5 else { continue }
            let covering = yearsCovering[peak]
            let sold = soldIn[p * 12 + peak, default: []]
            byMonth[peak].append(
                Profile(
                    product: ProductIndex(p), month: peak + 1, share: Float(share),
                    recurring: covering.count >= 2 && covering.isSubset(of: sold)))
        }
        for month in byMonth.indices {
            byMonth[month].sort { $0.share != $1.share ? $0.share > $1.share : $0.product < $1.product }
        }
        return byMonth
    }
}
