import Foundation

/// One order (a checkout, an invoice, a till receipt).
public struct Order: Sendable, Hashable, Codable {
    public var id: OrderID
    public var customerID: CustomerID
    public var createdAt: Date
    public var currency: String?
    /// The order's total as the shop charged it; when the export has none, the sum of its lines.
    public var total: Money
    public var discountCode: String?
    /// Where it came from: `web`, `pos`, `import:generic` …
    public var source: String?

    public init(
        id: OrderID, customerID: CustomerID, createdAt: Date, currency: String? = nil, total: Money,
        discountCode: String? = nil, source: String? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.createdAt = createdAt
        self.currency = currency
        self.total = total
        self.discountCode = discountCode
        self.source = source
    }
}

/// One line of an order: a quantity of one SKU at one unit price.
public struct OrderLine: Sendable, Hashable, Codable {
    public var orderID: OrderID
    /// The line's position in its order, 1-based; with the order id it identifies the line.
    public var position: Int
    public var sku: SKU
    public var productName: String
    public var quantity: Int
    public var unitPrice: Money

    public init(orderID: OrderID, position: Int, sku: SKU, productName: String, quantity: Int, unitPrice: Money) {
        self.orderID = orderID
        self.position = position
        self.sku = sku
        self.productName = productName
        self.quantity = quantity
        self.unitPrice = unitPrice
    }
}
