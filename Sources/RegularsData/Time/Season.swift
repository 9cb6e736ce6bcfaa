/// A season of the year, by month: what "bought in summer, nothing since" and "popular every December" are
/// counted in.
///
/// Months, not solstices: a shop's calendar is its sales by month. The northern hemisphere's by default
/// (March–May spring, June–August summer, September–November autumn, December–February winter); a shop in
/// the southern hemisphere sets it in its segment definitions and the seasons turn half a year.
public enum Season: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case spring, summer, autumn, winter

    /// The season of `month` (1–12).
    public static func of(month: Int, southernHemisphere: Bool = false) -> Season {
        let shifted = southernHemisphere ? (month + 5) % 12 + 1 : month
        switch shifted {
        case 3...5: return .spring
        case 6...8: return .summer
        case 9...11: return .autumn
        default: return .winter
        }
    }

    /// "Summer".
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public static func < (lhs: Season, rhs: Season) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
