import Foundation
import RegularsData

/// Everything Regulars knows and predicts about one customer: segments, RFM, and — when the shop has
/// enough data — BG/NBD and Gamma-Gamma predictions.
///
/// Prediction fields are `nil` when the models could not be fitted (see `PredictionReport.shortfall`).
/// "Orders" in predictions are purchase days, as the models count them: two orders on one day are one.
public struct CustomerPrediction: Sendable, Hashable {
    public var customerID: CustomerID
    /// Every segment the customer is in, in declaration order.
    public var segments: [LifecycleSegment]
    public var primarySegment: LifecycleSegment?
    public var rfm: RFMScore
    public var orders: Int
    public var totalSpend: Money
    /// The day of the last order (midnight UTC).
    public var lastOrderDate: Date
    public var daysSinceLastOrder: Int
    /// P(alive): the probability that the customer has not left for good.
    public var probabilityAlive: Double?
    /// Expected orders in the next 30, 90 and 365 days.
    public var expectedOrders30Days: Double?
    public var expectedOrders90Days: Double?
    public var expectedOrders365Days: Double?
    /// The day by which the next order is more likely than not (`BGNBDModel.timeToNextPurchase`);
    /// `nil` when a next order is not more likely than not, or lies more than ten years ahead.
    public var nextOrderDate: Date?
    /// Expected spend per order (Gamma-Gamma).
    public var expectedSpend: Money?
    /// Predicted lifetime value over the settings' horizon, discounted (`LifetimeValueModel`).
    public var predictedCLV: Money?
    /// The season they buy in mainly, if one (`LifecycleSegmenter.season`).
    public var season: Season?

    public init(
        customerID: CustomerID, segments: [LifecycleSegment], primarySegment: LifecycleSegment?, rfm: RFMScore,
        orders: Int, totalSpend: Money, lastOrderDate: Date, daysSinceLastOrder: Int
    ) {
        self.customerID = customerID
        self.segments = segments
        self.primarySegment = primarySegment
        self.rfm = rfm
        self.orders = orders
        self.totalSpend = totalSpend
        self.lastOrderDate = lastOrderDate
        self.daysSinceLastOrder = daysSinceLastOrder
    }
}
