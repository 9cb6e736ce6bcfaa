import Foundation
import RegularsData

/// Whole UTC calendar days since 1970-01-01, the clock every rule and summary in this module counts in.
///
/// Purchases are grouped per calendar day (the literature's convention: several orders on one day
/// are one transaction), and "30 days ago" means thirty calendar days before the reference day.
/// Days are UTC days: a shop far from UTC sees late-evening orders on the next day.
enum DayNumber {
    static let secondsPerDay: Int64 = 86_400

    /// The day that contains `seconds` since 1970.
    @inline(__always)
    static func day(ofSeconds seconds: Int64) -> Int32 {
        Int32(floorDivide(seconds, secondsPerDay))
    }

    /// The last day with data when data end just before `asOf` (an exclusive end moment).
    ///
    /// `asOf` at midnight 1997-10-01 gives 1997-09-30; `asOf` at 14:00 on 2024-06-30 gives that day.
    static func lastIncludedDay(asOf: Date) -> Int32 {
        day(ofSeconds: exclusiveEndSeconds(asOf) - 1)
    }

    /// `asOf` in whole seconds, rounded up, as `SnapshotBuilder` cuts: data are the seconds before it.
    static func exclusiveEndSeconds(_ asOf: Date) -> Int64 {
        Int64(asOf.timeIntervalSince1970.rounded(.up))
    }

    /// Midnight UTC at the start of `day`.
    static func date(ofDay day: Int32) -> Date {
        Date(timeIntervalSince1970: Double(Int64(day) * secondsPerDay))
    }

    /// The day of a date (the day containing that moment).
    static func day(of date: Date) -> Int32 {
        day(ofSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// Year, month (1–12) and day of month of `day`.
    static func civil(_ day: Int32) -> (year: Int, month: Int, day: Int) { Timestamp.civil(fromDays: Int(day)) }

    /// The day number of a civil date (Hinnant's days-from-civil algorithm).
    static func day(year: Int, month: Int, day: Int) -> Int32 {
        Int32(Timestamp.daysFromCivil(year: year, month: month, day: day))
    }

    /// "YYYY-MM-DD" of `day`.
    static func iso(_ day: Int32) -> String {
        let (y, m, d) = civil(day)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
