import Foundation

/// What Shopify says of one order, whether it came as the first row of an orders export or as a webhook's JSON.
///
/// Both paths turn it into the store's order and customer here, so an order imported from a file and the same
/// order sent later by a webhook land on the same keys: the order by its name (`#1001`), the customer by their
/// e-mail (`StableID.customer`), a guest by billing name, phone and zips (else the order name).
public struct ShopifyOrderFields: Sendable, Hashable {
    /// The order's name, `#1001`: the export's `Name`, the webhook's `name`.
    public var name: String
    /// Seconds since 1970.
    public var createdAt: Int64
    public var email: String?
    public var billingName: String?
    public var phone: String?
    public var billingZip: String?
    public var shippingZip: String?
    public var acceptsMarketing: Bool?
    public var currency: String?
    public var total: Money?
    public var discountCode: String?
    public var cancelled = false
    public var financialStatus: String?
    public var source: String?

    public init(name: String, createdAt: Int64) {
        self.name = name
        self.createdAt = createdAt
    }

    /// Why the order is not a purchase (`cancelled`, `refunded`), or `nil` when it is one.
    public var exclusion: String? {
        let status = financialStatus?.lowercased()
        if cancelled || status == "voided" { return "cancelled" }
        if status == "refunded" { return "refunded" }
        return nil
    }

    /// Who placed it: a customer keyed by e-mail with the record the order tells of them, or a stable guest id.
    public var customer: (id: CustomerID, record: Customer?) {
        if let email {
            let id = StableID.customer(email: email)
            let first = billingName.flatMap { $0.split(separator: " ").first.map(String.init) }
            return (id, Customer(id: id, email: email, firstName: first, acceptsMarketing: acceptsMarketing ?? false))
        }
        let parts = [billingName, phone, billingZip, shippingZip].map { $0 ?? "" }
        return (StableID.guest(parts.allSatisfy(\.isEmpty) ? [name] : parts), nil)
    }

    /// The store's order for `customerID`; its total is the lines' sum when Shopify gave none.
    public func order(customerID: CustomerID) -> Order {
        Order(
            id: name, customerID: customerID, createdAt: Date(timeIntervalSince1970: TimeInterval(createdAt)),
            currency: currency, total: total ?? .zero, discountCode: discountCode, source: source ?? "shopify")
    }

    /// A line item's SKU: a custom item has none, and its name is the best stable key it has.
    public static func sku(_ sku: String?, name: String) -> SKU {
        guard let sku, !sku.isEmpty else { return name }
        return sku
    }
}
