import Foundation

/// The unit that a summary's times (`recency`, `age`) and a model's horizons are measured in.
///
/// Purchases are counted per calendar day whatever the unit; the unit only scales times, so a model
/// fitted in weeks has `alpha` seven times smaller than the same model fitted in days and predicts
/// the same purchases.
public enum TimeUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case days
    case weeks

    /// Length of one unit in days.
    public var days: Double {
        switch self {
        case .days: 1
        case .weeks: 7
        }
    }

    /// Converts a number of days into this unit.
    public func fromDays(_ days: Double) -> Double { days / self.days }

    /// Converts a time in this unit into days.
    public func toDays(_ value: Double) -> Double { value * days }
}
