import Foundation
import RegularsData

// Not part of the `Money` stand-in: these stay when `Money.swift` is replaced by `RegularsData.Money`.
extension Money {
    /// The amount split evenly over `count` (an average per order, per e-mail), rounded half away from zero to the
    /// nearest unit; `nil` when `count` is zero, so an empty group reads "no data" rather than 0.00.
    func divided(by count: Int) -> Money? {
        guard count > 0 else { return nil }
        let divisor = Int64(count)
        var quotient = units / divisor
        let remainder = units % divisor
        // Integer division truncates; a remainder of at least half the divisor rounds away from zero.
        if 2 * abs(remainder) >= divisor { quotient += units < 0 ? -1 : 1 }
        return Money(units: quotient)
    }

    /// `self / total` as a fraction (a share of revenue), `nil` when `total` is zero; for display, never booked.
    func fraction(of total: Money) -> Double? {
        total.units == 0 ? nil : Double(units) / Double(total.units)
    }
}
