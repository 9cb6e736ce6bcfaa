import Foundation
import RegularsData

/// How long after a click (or, with view-through, an impression) an order of the same product still counts as
/// earned by it. The defaults are the ones shops compare against: Rebuy counts widget clicks for 24 hours, Klaviyo
/// e-mail clicks for 5 days, so our numbers read the same as theirs.
public struct AttributionWindows: Sendable, Hashable, Codable {
    public static let hour: Int64 = 3_600
    public static let day: Int64 = 86_400

    /// Seconds after a `recommendationClick`; an order exactly this long after still counts.
    public var recommendationClick: Int64
    /// Seconds after an `emailClick`.
    public var emailClick: Int64
    /// Off by default: an impression the shopper may never have looked at claims revenue too easily. When on, an
    /// impression counts, but only if no click qualifies.
    public var viewThrough: Bool
    /// Seconds after a `recommendationImpression`, read only with `viewThrough`.
    public var recommendationImpression: Int64

    public init(
        recommendationClick: Int64 = 24 * hour, emailClick: Int64 = 5 * day, viewThrough: Bool = false,
        recommendationImpression: Int64 = 24 * hour
    ) {
        self.recommendationClick = recommendationClick
        self.emailClick = emailClick
        self.viewThrough = viewThrough
        self.recommendationImpression = recommendationImpression
    }

    /// The window of `kind`, or `nil` when that kind earns nothing under these settings.
    public func window(for kind: ShopEvent.Kind) -> Int64? {
        switch kind {
        case .recommendationClick: recommendationClick
        case .emailClick: emailClick
        case .recommendationImpression: viewThrough ? recommendationImpression : nil
        case .productView, .addToCart, .purchase: nil
        }
    }
}
