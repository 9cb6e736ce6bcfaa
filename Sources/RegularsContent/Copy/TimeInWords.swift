/// A span of days as a person says it: "two weeks", "three months", "over a year".
///
/// Rounded the way people round ("about three months" for 85–100 days) so that the intro reads naturally;
/// exact dates belong in the brief, not in an e-mail.
public enum TimeInWords {
    static let numbers = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ]

    /// The span, without an article: "a few days", "a week", "six weeks", "three months", "a year", "two years".
    public static func span(days: Int) -> String {
        switch days {
        case ..<4: return "a few days"
        case ..<10: return "a week"
        case ..<25: return "\(numbers[max(2, (days + 3) / 7)]) weeks"
        case ..<45: return "a month"
        case ..<60: return "six weeks"
        case ..<350:
            let months = min(11, Int((Double(days) / 30.44).rounded()))
            return "\(numbers[months]) months"
        case ..<500: return "a year"
        case ..<640: return "a year and a half"
        default:
            let years = min(12, Int((Double(days) / 365.25).rounded()))
            return "\(numbers[years]) years"
        }
    }
}
