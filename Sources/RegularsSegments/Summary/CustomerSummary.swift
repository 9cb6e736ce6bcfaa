import Foundation
import RegularsData

/// One customer's repeat-purchase summary at the end of a calibration period: the (x, t_x, T, z̄)
/// of Fader, Hardie & Lee (2005) and lifetimes' (frequency, recency, T, monetary_value).
///
/// Times are in the `TimeUnit` of the table that holds the summary, counted in whole calendar days.
public struct CustomerSummary: Sendable, Hashable, Codable {
    /// x: the number of repeat purchase days — days with an order after the first one. Several orders on
    /// one day count once.
    public var frequency: Int
    /// t_x: time from the first purchase to the last one (0 when `frequency` is 0).
    public var recency: Double
    /// T: time from the first purchase to the end of the calibration period (its last day included).
    public var age: Double
    /// z̄: mean spend per repeat purchase day in currency units (not `Money.units`); 0 without repeats.
    /// The first day's spend is left out, as in the CDNOW data set and the Gamma-Gamma note.
    public var averageSpend: Double

    public init(frequency: Int, recency: Double, age: Double, averageSpend: Double = 0) {
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.averageSpend = averageSpend
    }
}

/// Summaries of every customer with a purchase, in one time unit, with their ids.
public struct CustomerSummaries: Sendable, Hashable {
    /// The unit of `recency` and `age`.
    public var unit: TimeUnit
    /// Customer ids, parallel to `rows`.
    public var ids: [CustomerID]
    public var rows: [CustomerSummary]

    public init(unit: TimeUnit, ids: [CustomerID], rows: [CustomerSummary]) {
        precondition(ids.count == rows.count, "ids and rows must be parallel")
        self.unit = unit
        self.ids = ids
        self.rows = rows
    }

    public var count: Int { rows.count }

    /// Customers with at least one repeat purchase (x > 0).
    public var repeatCustomerCount: Int { rows.reduce(0) { $0 + ($1.frequency > 0 ? 1 : 0) } }

    /// The longest customer age, in days: how much history the summaries span.
    public var historyDays: Double { unit.toDays(rows.map(\.age).max() ?? 0) }

    /// The summary of one customer, or `nil` when the id is unknown. Linear search: use `rows` in loops.
    public func summary(of id: CustomerID) -> CustomerSummary? {
        ids.firstIndex(of: id).map { rows[$0] }
    }
}
