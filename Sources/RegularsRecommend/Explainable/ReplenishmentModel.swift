import Foundation
import RegularsData

/// Repeat purchases: how often each item is bought again, and which of a customer's items are due.
///
/// A *gap* is the time between two purchases of the same product by the same customer on different
/// occasions (at least `minimumGapDays` apart; closer purchases are one occasion). An item's interval is
/// the quartiles of its gaps, kept only with at least `minimumGaps` gaps and a repeat share (customers who
/// bought it on two or more occasions, over all its buyers) of at least `minimumRepeatShare`. Gaps longer
/// than `maximumGapDays` are a new start, not a repeat.
///
/// Per customer the model keeps each replenishable item's last purchase and, with `minimumCustomerGaps` own
/// gaps, the customer's own median, shrunk towards the item's: `(n * own + k * item) / (n + k)` with
/// `k = customerShrinkage`. `dueness = daysSinceLast / everyDays` (1: due today).
public struct ReplenishmentModel: Sendable, Codable {
    public struct Settings: Sendable, Codable, Equatable {
        /// Purchases closer than this are one occasion, days.
        public var minimumGapDays = 1.0
        /// Longer gaps are not counted as repeats, days.
        public var maximumGapDays = 365.0
        /// Fewest gaps (over all customers) for an item to get an interval.
        public var minimumGaps = 5
        /// Fewest repeat buyers over buyers for an item to count as replenishable.
        public var minimumRepeatShare: Float = 0.05
        /// Fewest own gaps for a customer's own interval (per item, and between orders).
        public var minimumCustomerGaps = 2
        /// Pseudo-gaps at the item's median added to a customer's own gaps.
        public var customerShrinkage: Float = 2
        /// An item is due from this dueness on.
        public var dueFrom: Float = 0.8
        /// Past this dueness the customer has probably stopped (or buys elsewhere): not proposed.
        public var lapsedAfter: Float = 3
        public init() {}
    }

    public let settings: Settings
    public let asOf: Date
    /// Per product: the gap quartiles in days (`median == 0`: not replenishable).
    public let gapP25Days: [Float]
    public let gapMedianDays: [Float]
    public let gapP75Days: [Float]
    /// Per product: gaps seen, distinct buyers, and buyers on two or more occasions.
    public let gapCount: [Int32]
    public let buyers: [Int32]
    public let repeatBuyers: [Int32]
    /// Per customer: the median days between their orders (0: too few orders to tell).
    public let customerUsualGapDays: [Float]
    /// Per customer, their replenishable items: `customerItem[customerItemStart[c] ..< customerItemStart[c + 1]]`,
    /// with the last purchase (seconds since 1970) and their own shrunk interval in days (0: none).
    let customerItemStart: [Int32]
    let customerItem: [ProductIndex]
    let customerItemLast: [Int64]
    let customerItemOwnDays: [Float]

    /// Trains on `snapshot` as if today were `asOf`. Pure; O(lines + gaps log gaps).
    public static func train(on snapshot: Snapshot, asOf: Date, settings: Settings = .init()) -> Self {
        let productCount = snapshot.productCount
        let now = Int64(asOf.timeIntervalSince1970.rounded(.down))
        let minimumGap = DayNumber.seconds(settings.minimumGapDays)
        let maximumGap = DayNumber.seconds(settings.maximumGapDays)
        var buyers = [Int32](repeating: 0, count: productCount)
        var repeatBuyers = [Int32](repeating: 0, count: productCount)
        var gapProduct: [ProductIndex] = []
        var gapDays: [Float] = []
        var usual = [Float](repeating: 0, count: snapshot.customerCount)
        // Candidates for the per-customer table (every item the customer bought), filtered below.
        var candidateStart: [Int32] = [0]
        var candidateItem: [ProductIndex] = []
        var candidateLast: [Int64] = []
        var candidateOwn: [Float] = []
        var candidateOwnCount: [Int32] = []

        var seen = [Int32](repeating: -1, count: productCount)
        var last = [Int64](repeating: 0, count: productCount)
        var occasions = [Int32](repeating: 0, count: productCount)
        var distinct: [ProductIndex] = []
        var own: [(product: ProductIndex, days: Float)] = []
        var orderGaps: [Float] = []
        for customer in 0..<Int32(snapshot.customerCount) {
            distinct.removeAll(keepingCapacity: true)
            own.removeAll(keepingCapacity: true)
            orderGaps.removeAll(keepingCapacity: true)
            var lastOrderTime: Int64?
            for order in snapshot.orders(of: customer) {
                let time = snapshot.orderTime[order]
                guard time < now else { break }
                if let previous = lastOrderTime, time - previous < minimumGap { continue }
                if let previous = lastOrderTime {
                    orderGaps.append(Float(DayNumber.between(previous, time)))
                }
                lastOrderTime = time
            }
            for line in snapshot.lines(ofCustomer: customer) {
                let time = snapshot.lineTime(line)
                guard time < now else { break }
                let p = Int(snapshot.lineProduct[line])
                if seen[p] != customer {
                    seen[p] = customer
                    last[p] = time
                    occasions[p] = 1
                    distinct.append(ProductIndex(p))
                } else if time - last[p] >= minimumGap {
                    if time - last[p] <= maximumGap {
                        let days = Float(DayNumber.between(last[p], time))
                        gapProduct.append(ProductIndex(p))
                        gapDays.append(days)
                        own.append((ProductIndex(p), days))
                    }
                    last[p] = time
                    occasions[p] += 1
                }
            }
            usual[Int(customer)] = Self.median(of: &orderGaps, minimumCount: settings.minimumCustomerGaps)
            own.sort { $0.product != $1.product ? $0.product < $1.product : $0.days < $1.days }
            distinct.sort()
            var cursor = 0
            for product in distinct {
                let p = Int(product)
                buyers[p] += 1
                if occasions[p] >= 2 { repeatBuyers[p] += 1 }
                while cursor < own.count, own[cursor].product < product { cursor += 1 }
                var end = cursor
                while end < own.count, own[end].product == product { end += 1 }
                var mine = own[cursor..<end].map(\.days)
                candidateItem.append(product)
                candidateLast.append(last[p])
                candidateOwn.append(Self.median(of: &mine, minimumCount: settings.minimumCustomerGaps))
                candidateOwnCount.append(Int32(end - cursor))
                cursor = end
            }
            candidateStart.append(Int32(candidateItem.count))
        }

        // Item intervals: group the gaps by product (counting sort), then take each group's quartiles.
        var gapStart = [Int32](repeating: 0, count: productCount + 1)
        for p in gapProduct { gapStart[Int(p) + 1] += 1 }
        for p in 0..<productCount { gapStart[p + 1] += gapStart[p] }
        var fill = Array(gapStart.dropLast())
        var grouped = [Float](repeating: 0, count: gapDays.count)
        for (p, days) in zip(gapProduct, gapDays) {
            grouped[Int(fill[Int(p)])] = days
            fill[Int(p)] += 1
        }
        var p25 = [Float](repeating: 0, count: productCount)
        var median = [Float](repeating: 0, count: productCount)
        var p75 = [Float](repeating: 0, count: productCount)
        var gapCount = [Int32](repeating: 0, count: productCount)
        for p in 0..<productCount {
            let range = Int(gapStart[p])..<Int(gapStart[p + 1])
            gapCount[p] = Int32(range.count)
            let share = buyers[p] > 0 ? Float(repeatBuyers[p]) / Float(buyers[p]) : 0
            guard range.count >= settings.minimumGaps, share >= settings.minimumRepeatShare else { continue }
            grouped[range].sort()
            guard let quartiles = Quartiles(sorted: grouped[range]), quartiles.median > 0 else { continue }
            (p25[p], median[p], p75[p]) = (quartiles.p25, quartiles.median, quartiles.p75)
        }

        // Keep only the replenishable items in the per-customer table, with the shrunk own interval.
        var itemStart: [Int32] = [0]
        var items: [ProductIndex] = []
        var itemLast: [Int64] = []
        var itemOwn: [Float] = []
        itemStart.reserveCapacity(snapshot.customerCount + 1)
        for customer in 0..<snapshot.customerCount {
            for k in Int(candidateStart[customer])..<Int(candidateStart[customer + 1]) {
                let p = Int(candidateItem[k])
                guard median[p] > 0 else { continue }
                items.append(candidateItem[k])
                itemLast.append(candidateLast[k])
                if candidateOwn[k] > 0 {
                    let n = Float(candidateOwnCount[k])
                    let shrink = settings.customerShrinkage
                    itemOwn.append((n * candidateOwn[k] + shrink * median[p]) / (n + shrink))
                } else {
                    itemOwn.append(0)
                }
            }
            itemStart.append(Int32(items.count))
        }
        return ReplenishmentModel(
            settings: settings, asOf: asOf, gapP25Days: p25, gapMedianDays: median, gapP75Days: p75,
            gapCount: gapCount, buyers: buyers, repeatBuyers: repeatBuyers, customerUsualGapDays: usual,
            customerItemStart: itemStart, customerItem: items, customerItemLast: itemLast,
            customerItemOwnDays: itemOwn)
    }

    /// The median of `values` (sorted in place), or 0 with fewer than `minimumCount` values.
    static func median(of values: inout [Float], minimumCount: Int) -> Float {
        guard values.count >= max(minimumCount, 1) else { return 0 }
        values.sort()
        return Quartiles.quantile(values[...], 0.5)
    }
}
