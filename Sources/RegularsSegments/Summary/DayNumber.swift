import Foundation

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

    /// Year, month (1–12) and day of month of `day` (Hinnant's civil-from-days algorithm).
    static func civil(_ day: Int32) -> (year: Int, month: Int, day: Int) {
        let z = Int(day) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The day number of a civil date (Hinnant's days-from-civil algorithm).
    static func day(year: Int, month: Int, day: Int) -> Int32 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int32(era * 146_097 + doe - 719_468)
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
