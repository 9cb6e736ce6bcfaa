import Foundation

/// An exact amount of money in the shop's currency, as a fixed-point number with four decimals.
///
/// Four decimals rather than the currency's minor unit because real exports carry unit prices such as
/// `0.001` (wholesale gift shops price by the thousand); totals are rounded only when shown.
public struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Ten-thousandths of the currency unit: `Money(units: 25_500)` is 2.55.
    public var units: Int64

    public static let scale: Int64 = 10_000
    public static let zero = Money(units: 0)

    public init(units: Int64) { self.units = units }

    /// Reads a plain decimal such as `2.55`, `-3`, `1,234.50` or `0.001`; `nil` when it is not one
    /// or has more than four decimals.
    public init?(parsing text: Substring) {
        var digits: Int64 = 0
        var decimals = -1
        var negative = false
        var sawDigit = false
        var index = text.startIndex
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let chars = Substring(trimmed)
        index = chars.startIndex
        if index < chars.endIndex, chars[index] == "-" || chars[index] == "+" {
            negative = chars[index] == "-"
            index = chars.index(after: index)
        }
        while index < chars.endIndex {
            let c = chars[index]
            if let d = c.wholeNumberValue, c.isASCII {
                if decimals >= 0 {
                    decimals += 1
                    if decimals > 4 { return nil }
                }
                let (m, o1) = digits.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(d))
                if o1 || o2 { return nil }
                digits = s
                sawDigit = true
            } else if c == "." && decimals < 0 {
                decimals = 0
            } else if c == "," && decimals < 0 {
                // thousands separator
            } else {
                return nil
            }
            index = chars.index(after: index)
        }
        guard sawDigit else { return nil }
        var value = digits
        for _ in 0..<(4 - max(decimals, 0)) { value *= 10 }
        units = negative ? -value : value
    }

    public init?(parsing text: String) { self.init(parsing: Substring(text)) }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(units: lhs.units + rhs.units) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(units: lhs.units - rhs.units) }
    public static func * (lhs: Money, rhs: Int) -> Money { Money(units: lhs.units * Int64(rhs)) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.units < rhs.units }

    /// The amount as a `Double`, for statistics only (never for bookkeeping).
    public var doubleValue: Double { Double(units) / Double(Self.scale) }

    /// Two decimals, as a shop shows prices: `2.55`, `1234.50`.
    public var description: String {
        let cents = (units >= 0 ? units + 50 : units - 50) / 100
        let sign = cents < 0 ? "-" : ""
        let a = abs(cents)
        return "\(sign)\(a / 100).\(String(format: "%02d", Int(a % 100)))"
    }

    /// Every significant decimal, for round-tripping: `0.001`, `2.55`.
    public var exactDescription: String {
        let sign = units < 0 ? "-" : ""
        let a = abs(units)
        var fraction = String(format: "%04d", Int(a % Self.scale))
        while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(a / Self.scale).\(fraction)"
    }
}
