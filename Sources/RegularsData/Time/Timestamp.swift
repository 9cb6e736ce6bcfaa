/// Reads and writes the date-times found in shop exports, as whole seconds since 1970 (UTC).
///
/// Accepted: `2011-12-09`, `2011-12-09T12:50:00Z`, `2011-12-09T12:50:00.123+01:00`,
/// `2011-12-09 12:50`, and Shopify's `2024-04-05 21:06:21 +0400` (or ` UTC`). A value without a zone is UTC.
/// Impossible dates such as `2011-02-31` are rejected, not rolled over.
public enum Timestamp {
    /// What the error messages say is expected.
    public static let expected = "YYYY-MM-DD, 2024-03-01T10:15:00Z or 2024-03-01 10:15:00 +0100"

    /// Seconds since 1970 for a date-time, or `nil` when `text` is not one of the accepted forms.
    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    private static func parse(utf8 whole: UnsafeBufferPointer<UInt8>) -> Int64? {
        var count = whole.count
        while count > 0, whole[count - 1] == 0x20 || whole[count - 1] == 0x09 { count -= 1 }
        let utf8 = UnsafeBufferPointer(rebasing: whole[0..<count])
        var i = 0
        while i < utf8.count, utf8[i] == 0x20 || utf8[i] == 0x09 { i += 1 }
        func number(_ digits: Int) -> Int? {
            guard i + digits <= utf8.count else { return nil }
            var value = 0
            for k in 0..<digits {
                let c = utf8[i + k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            i += digits
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            if i < utf8.count, utf8[i] == byte {
                i += 1
                return true
            }
            return false
        }
        guard let year = number(4), skip(0x2D), let month = number(2), skip(0x2D), let day = number(2) else {
            return nil
        }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var seconds = Int64(daysFromCivil(year: year, month: month, day: day)) * DayNumber.seconds
        if i == utf8.count { return seconds }
        guard skip(0x54) || skip(0x74) || skip(0x20) else { return nil }
        guard let hour = number(2), hour < 24, skip(0x3A), let minute = number(2), minute < 60 else { return nil }
        var second = 0
        if skip(0x3A) {
            guard let s = number(2), s < 61 else { return nil }
            second = min(s, 59)
            if skip(0x2E) || skip(0x2C) {
                let before = i
                while i < utf8.count, utf8[i] >= 0x30 && utf8[i] <= 0x39 { i += 1 }
                guard i > before else { return nil }
            }
        }
        seconds += Int64(hour * 3600 + minute * 60 + second)
        _ = skip(0x20)
        if i == utf8.count { return seconds }
        if skip(0x5A) || skip(0x7A) { return i == utf8.count ? seconds : nil }
        if utf8.count - i == 3, utf8[i] == 0x55, utf8[i + 1] == 0x54, utf8[i + 2] == 0x43 { return seconds }
        let sign: Int64
        if skip(0x2B) { sign = 1 } else if skip(0x2D) { sign = -1 } else { return nil }
        guard let offsetHours = number(2), offsetHours <= 14 else { return nil }
        _ = skip(0x3A)
        let offsetMinutes = i == utf8.count ? 0 : number(2)
        guard let offsetMinutes, offsetMinutes < 60, i == utf8.count else { return nil }
        return seconds - sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
    }

    /// `2011-12-09T12:50:00Z`.
    public static func iso(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / DayNumber.seconds : (seconds - DayNumber.seconds + 1) / DayNumber.seconds
        let rest = Int(seconds - days * DayNumber.seconds)
        let (y, m, d) = civil(fromDays: Int(days))
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(rest / 3600, 2) + ":"
            + pad(rest / 60 % 60, 2) + ":" + pad(rest % 60, 2) + "Z"
    }

    /// `2011-12-09`.
    public static func isoDay(_ seconds: Int64) -> String { String(iso(seconds).prefix(10)) }

    /// `yyyy-mm` of the month that holds `seconds`.
    public static func isoMonth(_ seconds: Int64) -> String { String(iso(seconds).prefix(7)) }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`): the one copy of
    /// calendar arithmetic the modules share.
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month (1–12) and day of month of a day number since 1970-01-01 (Hinnant's `civil_from_days`).
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
