import Foundation
import RegularsData

/// Civil dates and the shop's local time (Europe/London rules), computed without `TimeZone` so the
/// demo's output cannot depend on the machine's time-zone database.
///
/// Days are whole days since 1970-01-01 (UTC); times are whole seconds since 1970-01-01T00:00:00Z.
enum DemoCalendar {
    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        Timestamp.daysFromCivil(year: year, month: month, day: day)
    }

    /// The date of a day number.
    static func date(ofDay days: Int) -> (year: Int, month: Int, day: Int) { Timestamp.civil(fromDays: days) }

    /// 0 for Sunday … 6 for Saturday.
    static func weekday(ofDay days: Int) -> Int { ((days % 7) + 11) % 7 }

    /// The day number of the last Sunday of `month` in `year`.
    static func lastSunday(year: Int, month: Int) -> Int {
        let next = month == 12 ? days(year: year + 1, month: 1, day: 1) : days(year: year, month: month + 1, day: 1)
        let last = next - 1
        return last - weekday(ofDay: last)
    }

    /// The UK offset from UTC at an instant: +01:00 (BST) from 01:00 UTC on the last Sunday of March
    /// to 01:00 UTC on the last Sunday of October, +00:00 otherwise.
    static func ukOffset(atSeconds seconds: Int64) -> Int {
        let year = date(ofDay: Int(floorDiv(seconds, DayNumber.seconds))).year
        let start = Int64(lastSunday(year: year, month: 3)) * DayNumber.seconds + 3_600
        let end = Int64(lastSunday(year: year, month: 10)) * DayNumber.seconds + 3_600
        return seconds >= start && seconds < end ? 3_600 : 0
    }

    /// The UTC instant of a local UK wall-clock time on `day` (seconds after local midnight).
    static func instant(day: Int, localSeconds: Int) -> Int64 {
        let guess = Int64(day) * DayNumber.seconds + Int64(localSeconds)
        return guess - Int64(ukOffset(atSeconds: guess - 3_600))
    }

    /// Shopify's export form in UK local time: `2024-04-05 21:06:21 +0100`.
    static func shopifyTimestamp(_ seconds: Int64) -> String {
        let offset = ukOffset(atSeconds: seconds)
        let local = seconds + Int64(offset)
        let day = Int(floorDiv(local, DayNumber.seconds))
        let rest = Int(local - Int64(day) * DayNumber.seconds)
        let (y, m, d) = date(ofDay: day)
        let zone = offset == 0 ? "+0000" : "+0100"
        return "\(pad(y, 4))-\(pad(m))-\(pad(d)) \(pad(rest / 3600)):\(pad(rest / 60 % 60)):\(pad(rest % 60)) \(zone)"
    }

    /// The local UK day number of an instant.
    static func localDay(_ seconds: Int64) -> Int {
        Int(floorDiv(seconds + Int64(ukOffset(atSeconds: seconds)), DayNumber.seconds))
    }

    /// The UTC day number of a `Date` (midnight UTC of that day for dates built by `Fixtures.day`).
    static func day(of date: Date) -> Int { Int(floor(date.timeIntervalSince1970 / DayNumber.interval)) }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
