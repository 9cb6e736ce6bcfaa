import Foundation
import RegularsData

/// One order of the demo shop: the domain `Order` and its lines, plus what a Shopify orders export says
/// about it (payment state, discount, shipping, taxes, refunds).
public struct DemoOrder: Sendable, Hashable {
    /// Shopify's `Financial Status` values that the demo uses.
    public enum FinancialStatus: String, Sendable, Hashable, CaseIterable {
        case paid
        case refunded
        case partiallyRefunded = "partially_refunded"
        /// Cancelled before payment was captured (`Cancelled at` is set).
        case voided
    }

    public var order: Order
    /// The order's lines, `position` 1, 2, …
    public var lines: [OrderLine]
    public var financialStatus: FinancialStatus
    public var cancelledAt: Date?
    /// What was refunded: the whole total for `refunded`, one line for `partiallyRefunded`.
    public var refundedAmount: Money
    /// The lines' prices times quantities, before the discount.
    public var subtotal: Money
    public var discountAmount: Money
    /// The discount spread over the lines (Shopify's `Lineitem discount`), same order as `lines`.
    public var lineDiscounts: [Money]
    public var shipping: Money
    /// VAT included in the total (20 %, so a sixth of it).
    public var taxes: Money
    public var paidAt: Date?
    public var fulfilledAt: Date?
    public var paymentMethod: String
    /// Shopify's numeric order id (`Id` column).
    public var shopifyID: Int64
    /// Part of a planted pattern (never cancelled or refunded).
    public var planted: Bool

    /// Index of the buyer in the shop's `customers` (and `profiles`).
    public var customerIndex: Int
}
