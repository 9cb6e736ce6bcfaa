import Foundation
import RegularsData

/// When a campaign's copy should be written again: copy that felt fresh in January feels stale by April. A
/// quarter after it was written, or as soon as the season it was written in has passed, whichever comes first.
public enum CopyFreshness {
    public static let maximumAgeDays = 91

    /// What the owner should be told about copy written at `writtenAt`, seen at `now`; `nil` while it is fresh.
    public static func notice(writtenAt: Date, now: Date, southernHemisphere: Bool = false) -> String? {
        let written = DayNumber.day(of: writtenAt)
        let today = DayNumber.day(of: now)
        let age = Int(today - written)
        guard age > 0 else { return nil }
        let then = Season.of(month: DayNumber.civil(written).month, southernHemisphere: southernHemisphere)
        let season = Season.of(month: DayNumber.civil(today).month, southernHemisphere: southernHemisphere)
        var reasons: [String] = []
        if then != season || age >= 365 {
            reasons.append("it was written in \(then.rawValue) and it is \(season.rawValue) now")
        }
        if age > maximumAgeDays {
            reasons.append("it is \(TimeInWords.span(days: age)) old (refresh copy every quarter)")
        }
        guard !reasons.isEmpty else { return nil }
        return "Stale copy: " + reasons.joined(separator: ", and ") + ". Write it again with `regulars campaign`."
    }
}
