import Foundation
import RegularsData

/// How numbers read on the dashboard: thousands separated, money to two decimals, rates as percentages.
enum DashboardFormat {
    static func count(_ value: Int) -> String { grouped(String(value)) }

    static func money(_ money: Money) -> String { amount(money.doubleValue) }

    static func amount(_ value: Double) -> String {
        let cents = Int64((value * 100).rounded())
        let whole = grouped(String(abs(cents) / 100))
        let fraction = String(format: "%02lld", abs(cents) % 100)
        return (cents < 0 ? "-" : "") + whole + "." + fraction
    }

    /// Axis labels: `12k`, `1.5M`.
    static func short(_ value: Double) -> String {
        switch abs(value) {
        case 1_000_000...: return trimmed(value / 1_000_000) + "M"
        case 1_000...: return trimmed(value / 1_000) + "k"
        default: return trimmed(value)
        }
    }

    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        return String(format: "%.1f %%", rate * 100)
    }

    static func date(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970)
        return Timestamp.isoDay(seconds) + " " + String(Timestamp.iso(seconds).dropFirst(11).prefix(5)) + " UTC"
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.1f s", seconds)
    }

    /// `2 days ago`, `3 hours ago`, for the age of a model.
    static func age(_ seconds: TimeInterval) -> String {
        switch seconds {
        case ..<120: return "just now"
        case ..<7200: return "\(Int(seconds / 60)) minutes ago"
        case ..<172_800: return "\(Int(seconds / 3600)) hours ago"
        default: return "\(Int(seconds / DayNumber.interval)) days ago"
        }
    }

    /// `Mar` from `2024-03`.
    static func monthLabel(_ month: String) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let number = Int(month.suffix(2)), (1...12).contains(number) else { return month }
        return number == 1 ? names[0] + " " + String(month.prefix(4).suffix(2)) : names[number - 1]
    }

    private static func trimmed(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", (value * 100).rounded() / 100)
    }

    private static func grouped(_ digits: String) -> String {
        var out = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }
}
