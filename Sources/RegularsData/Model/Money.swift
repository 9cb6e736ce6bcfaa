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
        // Parsed from the UTF-8 bytes in place: a copy into an array was one allocation per imported row.
        var text = text
        guard let units = text.withUTF8({ Self.parse($0) }) else { return nil }
        self.units = units
    }

    private static func parse(_ chars: UnsafeBufferPointer<UInt8>) -> Int64? {
        var end = chars.count
        while end > 0, chars[end - 1] == 0x20 || chars[end - 1] == 0x09 { end -= 1 }
        var index = 0
        while index < end, chars[index] == 0x20 || chars[index] == 0x09 { index += 1 }
        var negative = false
        if index < end, chars[index] == UInt8(ascii: "-") || chars[index] == UInt8(ascii: "+") {
            negative = chars[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: Int64 = 0
        var decimals = -1
        var sawDigit = false
        var digitsSinceComma = -1
        while index < end {
            let c = chars[index]
            if c >= 0x30 && c <= 0x39 {
                if decimals >= 0 {
                    decimals += 1
                    if decimals > 4 { return nil }
                } else if digitsSinceComma >= 0 {
                    digitsSinceComma += 1
                }
                let (m, o1) = digits.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(c - 0x30))
                if o1 || o2 { return nil }
                digits = s
                sawDigit = true
            } else if c == UInt8(ascii: ".") && decimals < 0 {
                if digitsSinceComma >= 0 && digitsSinceComma != 3 { return nil }
                decimals = 0
            } else if c == UInt8(ascii: ",") && decimals < 0 && sawDigit {
                // A thousands separator must group three digits: "1,5" is a decimal comma, not 15.
                if digitsSinceComma >= 0 && digitsSinceComma != 3 { return nil }
                digitsSinceComma = 0
            } else {
                return nil
            }
            index += 1
        }
        if decimals < 0 && digitsSinceComma >= 0 && digitsSinceComma != 3 { return nil }
        guard sawDigit else { return nil }
        var value = digits
        for _ in 0..<(4 - max(decimals, 0)) { value *= 10 }
        return negative ? -value : value
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
