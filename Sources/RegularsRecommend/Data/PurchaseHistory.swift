import Foundation
import RegularsData

/// Each customer's distinct products before a moment, with how often, when and how recently they were bought.
///
/// Built from a `Snapshot` with a time limit `before` (seconds since 1970) so that a model can be trained "as of"
/// an earlier moment on the same dense ids; the validation windows of the ranker use that. Rows are CSR: the
/// products of customer `c` are `itemStart[c] ..< itemStart[c + 1]`, sorted by product index. An interaction's
/// `weight` is the sum over the distinct orders that contain it of `0.5 ^ (ageDays / halfLifeDays)`
/// (`halfLifeDays == nil`: every order counts 1).
public struct PurchaseHistory: Sendable {
    public let snapshot: Snapshot
    /// Seconds since 1970; only orders strictly before it are used.
    public let asOf: Int64
    public let halfLifeDays: Double?
    /// One past the last order of each customer before `asOf` (orders are sorted by time per customer).
    public let orderEnd: [Int32]
    public let itemStart: [Int32]
    public let items: [ProductIndex]
    /// Number of distinct orders with the product.
    public let orderCounts: [Int32]
    public let firstTime: [Int64]
    public let lastTime: [Int64]
    public let weight: [Float]

    public var customerCount: Int { snapshot.customerCount }
    public var productCount: Int { snapshot.productCount }

    /// Orders of `customer` before `asOf`, oldest first.
    @inlinable public func orders(of customer: CustomerIndex) -> Range<Int> {
        Int(snapshot.customerOrderStart[Int(customer)])..<Int(orderEnd[Int(customer)])
    }

    /// Positions of `customer`'s distinct products in the row arrays.
    @inlinable public func row(_ customer: CustomerIndex) -> Range<Int> {
        Int(itemStart[Int(customer)])..<Int(itemStart[Int(customer) + 1])
    }

    /// The orders strictly before `asOf` (a date; a fraction of a second still counts as that second).
    public init(snapshot: Snapshot, asOf: Date, halfLifeDays: Double? = nil) {
        self.init(
            snapshot: snapshot, before: Int64(asOf.timeIntervalSince1970.rounded(.up)), halfLifeDays: halfLifeDays)
    }

    public init(snapshot: Snapshot, before asOf: Int64, halfLifeDays: Double? = nil) {
        self.snapshot = snapshot
        self.asOf = asOf
        self.halfLifeDays = halfLifeDays
        let customerCount = snapshot.customerCount
        var orderEnd = [Int32](repeating: 0, count: customerCount)
        var itemStart = [Int32](repeating: 0, count: customerCount + 1)
        var items: [ProductIndex] = []
        var orderCounts: [Int32] = []
        var firstTime: [Int64] = []
        var lastTime: [Int64] = []
        var weight: [Float] = []
        var slot = [Int32](repeating: -1, count: snapshot.productCount)
        var lastOrder = [Int32](repeating: -1, count: snapshot.productCount)
        let decayPerSecond = halfLifeDays.map { log(2.0) / ($0 * DayNumber.interval) }
        for customer in 0..<customerCount {
            var end = Int(snapshot.customerOrderStart[customer])
            let upper = Int(snapshot.customerOrderStart[customer + 1])
            while end < upper, snapshot.orderTime[end] < asOf { end += 1 }
            orderEnd[customer] = Int32(end)
            let rowStart = items.count
            for order in Int(snapshot.customerOrderStart[customer])..<end {
                let time = snapshot.orderTime[order]
                let w = decayPerSecond.map { Float(exp(-$0 * Double(asOf - time))) } ?? 1
                for line in snapshot.lines(of: order) {
                    let product = Int(snapshot.lineProduct[line])
                    if lastOrder[product] == Int32(order) { continue }
                    lastOrder[product] = Int32(order)
                    if slot[product] < 0 {
                        slot[product] = Int32(items.count)
                        items.append(ProductIndex(product))
                        orderCounts.append(1)
                        firstTime.append(time)
                        lastTime.append(time)
                        weight.append(w)
                    } else {
                        let at = Int(slot[product])
                        orderCounts[at] += 1
                        lastTime[at] = time
                        weight[at] += w
                    }
                }
            }
            // Sort the new row by product and reset the scratch slots.
            let range = rowStart..<items.count
            let order = range.sorted { items[$0] < items[$1] }
            let sortedItems = order.map { items[$0] }, sortedCounts = order.map { orderCounts[$0] }
            let sortedFirst = order.map { firstTime[$0] }, sortedLast = order.map { lastTime[$0] }
            let sortedWeight = order.map { weight[$0] }
            items.replaceSubrange(range, with: sortedItems)
            orderCounts.replaceSubrange(range, with: sortedCounts)
            firstTime.replaceSubrange(range, with: sortedFirst)
            lastTime.replaceSubrange(range, with: sortedLast)
            weight.replaceSubrange(range, with: sortedWeight)
            for product in sortedItems { slot[Int(product)] = -1 }
            itemStart[customer + 1] = Int32(items.count)
        }
        self.orderEnd = orderEnd
        self.itemStart = itemStart
        self.items = items
        self.orderCounts = orderCounts
        self.firstTime = firstTime
        self.lastTime = lastTime
        self.weight = weight
    }

    /// Customers with at least one order before `asOf`.
    public var activeCustomers: [CustomerIndex] {
        (0..<customerCount).filter { itemStart[$0 + 1] > itemStart[$0] }.map { CustomerIndex($0) }
    }

    /// The transposed rows: for each product, the customers who bought it and the position of that interaction
    /// in the row arrays.
    public func productColumns() -> (start: [Int32], customers: [CustomerIndex], position: [Int32]) {
        var start = [Int32](repeating: 0, count: productCount + 1)
        for product in items { start[Int(product) + 1] += 1 }
        for i in 0..<productCount { start[i + 1] += start[i] }
        var cursor = Array(start.dropLast())
        var customers = [CustomerIndex](repeating: 0, count: items.count)
        var position = [Int32](repeating: 0, count: items.count)
        for customer in 0..<customerCount {
            for at in row(CustomerIndex(customer)) {
                let product = Int(items[at])
                let to = Int(cursor[product])
                cursor[product] += 1
                customers[to] = CustomerIndex(customer)
                position[to] = Int32(at)
            }
        }
        return (start, customers, position)
    }

    /// Whether `customer` bought `product` before `asOf` (binary search in the sorted row).
    public func contains(customer: CustomerIndex, product: ProductIndex) -> Bool {
        position(customer: customer, product: product) != nil
    }

    /// Position of the interaction in the row arrays, if any.
    public func position(customer: CustomerIndex, product: ProductIndex) -> Int? {
        var lo = Int(itemStart[Int(customer)]), hi = Int(itemStart[Int(customer) + 1])
        while lo < hi {
            let mid = (lo + hi) / 2
            if items[mid] < product { lo = mid + 1 } else { hi = mid }
        }
        return lo < Int(itemStart[Int(customer) + 1]) && items[lo] == product ? lo : nil
    }
}
