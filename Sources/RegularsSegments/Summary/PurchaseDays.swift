import Foundation
import RegularsData

/// Every customer's purchase days with that day's spend, oldest first, in one CSR layout: what the lifetime
/// models (BG/NBD, Gamma-Gamma) and the segments read. Not the recommenders' `PurchaseHistory`, which is per customer
/// and product.
///
/// Built once from a `Snapshot` (every customer, in snapshot order, so position = `CustomerIndex`) or
/// from plain transactions (customers in order of first appearance); summaries at any cutoff and
/// hold-out counts are then cheap range scans.
struct PurchaseDays: Sendable {
    var ids: [CustomerID]
    /// Purchase days of customer `c`: `start[c] ..< start[c + 1]`.
    var start: [Int]
    var days: [Int32]
    /// Spend of each purchase day, `Money.units`.
    var spend: [Int64]

    var customerCount: Int { ids.count }

    /// Every customer of `snapshot`, with the orders before `asOf` (default: all of them).
    init(snapshot: Snapshot, asOf: Date? = nil) {
        let endSeconds = asOf.map(DayNumber.exclusiveEndSeconds) ?? Int64.max
        ids = snapshot.customers.map(\.id)
        start = [0]
        days = []
        spend = []
        start.reserveCapacity(ids.count + 1)
        days.reserveCapacity(snapshot.orderCount)
        spend.reserveCapacity(snapshot.orderCount)
        for customer in 0..<snapshot.customerCount {
            for order in snapshot.orders(of: CustomerIndex(customer)) where snapshot.orderTime[order] < endSeconds {
                append(
                    day: DayNumber.day(ofSeconds: snapshot.orderTime[order]), spend: snapshot.orderTotal[order],
                    sameCustomer: days.count > start[start.count - 1])
            }
            start.append(days.count)
        }
    }

    init(transactions: [CustomerTransaction]) {
        var index: [CustomerID: Int32] = [:]
        var names: [CustomerID] = []
        var keyed: [(customer: Int32, day: Int32, units: Int64)] = []
        keyed.reserveCapacity(transactions.count)
        for transaction in transactions {
            let customer: Int32
            if let known = index[transaction.customerID] {
                customer = known
            } else {
                customer = Int32(names.count)
                index[transaction.customerID] = customer
                names.append(transaction.customerID)
            }
            keyed.append((customer, DayNumber.day(of: transaction.date), transaction.amount.units))
        }
        keyed.sort { $0.customer != $1.customer ? $0.customer < $1.customer : $0.day < $1.day }
        ids = names
        start = [0]
        days = []
        spend = []
        var position = 0
        for customer in 0..<Int32(names.count) {
            while position < keyed.count, keyed[position].customer == customer {
                append(
                    day: keyed[position].day, spend: keyed[position].units,
                    sameCustomer: days.count > start[start.count - 1])
                position += 1
            }
            start.append(days.count)
        }
    }

    /// Adds one order, merging it into the previous purchase day when it falls on the same day.
    private mutating func append(day: Int32, spend units: Int64, sameCustomer: Bool) {
        if sameCustomer, let last = days.last, last == day {
            spend[spend.count - 1] += units
        } else {
            days.append(day)
            spend.append(units)
        }
    }

    /// The purchase days of `customer` on or before `lastDay`: `start[customer] ..< end`.
    func range(of customer: Int, through lastDay: Int32) -> Range<Int> {
        var end = start[customer + 1]
        while end > start[customer], days[end - 1] > lastDay { end -= 1 }
        return start[customer]..<end
    }

    /// The summary of `customer` with the calibration period ending on `lastDay` (included), or `nil`
    /// when the customer had not bought by then.
    func summary(of customer: Int, through lastDay: Int32, unit: TimeUnit) -> CustomerSummary? {
        let purchases = range(of: customer, through: lastDay)
        guard let first = purchases.first else { return nil }
        let last = purchases.upperBound - 1
        let x = purchases.count - 1
        var repeatSpend: Int64 = 0
        for day in purchases.dropFirst() { repeatSpend += spend[day] }
        return CustomerSummary(
            frequency: x,
            recency: unit.fromDays(Double(days[last] - days[first])),
            age: unit.fromDays(Double(lastDay - days[first])),
            averageSpend: x > 0 ? Double(repeatSpend) / Double(x) / Double(Money.scale) : 0)
    }

    /// Purchase days of `customer` after `firstExcluded` and on or before `lastIncluded`.
    func purchaseDays(of customer: Int, after firstExcluded: Int32, through lastIncluded: Int32) -> Int {
        var count = 0
        for position in start[customer]..<start[customer + 1] {
            let day = days[position]
            if day > firstExcluded && day <= lastIncluded { count += 1 }
        }
        return count
    }
}
