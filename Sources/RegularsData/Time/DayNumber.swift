import Foundation

/// Whole UTC calendar days since 1970-01-01, and the one place that knows how long a day is.
///
/// Purchases are grouped per calendar day (the literature's convention: several orders on one day
/// are one transaction), and "30 days ago" means thirty calendar days before the reference day.
/// Days are UTC days: a shop far from UTC sees late-evening orders on the next day.
public enum DayNumber {
    /// Seconds in a day, as an integer for timestamps (seconds since 1970).
    public static let seconds: Int64 = 86_400
    /// Seconds in a day, for `Date` and `TimeInterval` arithmetic.
    public static let interval: TimeInterval = 86_400

    /// `days` in whole seconds, rounded down.
    @inline(__always)
    public static func seconds(_ days: Double) -> Int64 { Int64((days * interval).rounded(.down)) }

    /// `later - earlier` (seconds since 1970) in days, with the fraction.
    @inline(__always)
    public static func between(_ earlier: Int64, _ later: Int64) -> Double { Double(later - earlier) / interval }

    /// The day that contains `seconds` since 1970.
    @inline(__always)
    public static func day(ofSeconds seconds: Int64) -> Int32 {
        Int32(floorDivide(seconds, Self.seconds))
    }

    /// The last day with data when data end just before `asOf` (an exclusive end moment).
    ///
    /// `asOf` at midnight 1997-10-01 gives 1997-09-30; `asOf` at 14:00 on 2024-06-30 gives that day.
    public static func lastIncludedDay(asOf: Date) -> Int32 {
        day(ofSeconds: exclusiveEndSeconds(asOf) - 1)
    }

    /// `asOf` in whole seconds, rounded up, as `SnapshotBuilder` cuts: data are the seconds before it.
    public static func exclusiveEndSeconds(_ asOf: Date) -> Int64 {
        Int64(asOf.timeIntervalSince1970.rounded(.up))
    }

    /// Midnight UTC at the start of `day`.
    public static func date(ofDay day: Int32) -> Date {
        Date(timeIntervalSince1970: Double(Int64(day) * seconds))
    }

    /// The day of a date (the day containing that moment).
    public static func day(of date: Date) -> Int32 {
        day(ofSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// Year, month (1–12) and day of month of `day`.
    public static func civil(_ day: Int32) -> (year: Int, month: Int, day: Int) {
        Timestamp.civil(fromDays: Int(day))
    }

    /// The day number of a civil date (Hinnant's days-from-civil algorithm).
    public static func day(year: Int, month: Int, day: Int) -> Int32 {
        Int32(Timestamp.daysFromCivil(year: year, month: month, day: day))
    }

    /// "YYYY-MM-DD" of `day`.
    public static func iso(_ day: Int32) -> String {
        let (y, m, d) = civil(day)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
