import Foundation
import RegularsData

/// An order line credited to the click that earned it: the unit every attribution number is summed from.
public struct AttributedLine: Sendable, Hashable, Codable {
    public var key: PlacedLine.Key
    /// `nil` for a guest order (attributed through its session).
    public var customerID: String?
    public var sku: String
    /// The order's time, seconds since 1970.
    public var orderedAt: Int64
    /// `unitPrice × quantity` of the line.
    public var revenue: Money
    /// The credited event: a click, or an impression when view-through is on and no click qualified.
    public var clickID: String
    public var clickKind: ShopEvent.Kind
    /// The click's placement or e-mail campaign.
    public var source: String?
    public var experiment: String?
    public var arm: String?
    /// Seconds from the click to the order, `0...window`.
    public var lagSeconds: Int64

    public init(
        key: PlacedLine.Key, customerID: String?, sku: String, orderedAt: Int64, revenue: Money,
        clickID: String, clickKind: ShopEvent.Kind, source: String?, experiment: String?, arm: String?,
        lagSeconds: Int64
    ) {
        self.key = key
        self.customerID = customerID
        self.sku = sku
        self.orderedAt = orderedAt
        self.revenue = revenue
        self.clickID = clickID
        self.clickKind = clickKind
        self.source = source
        self.experiment = experiment
        self.arm = arm
        self.lagSeconds = lagSeconds
    }
}
