import Foundation

/// One whole order from a call instead of a file (`POST /v1/orders`, Shopify's order webhooks), written the way
/// an import writes its orders: by the same `OrderSink`, so the customer and products it names are created,
/// `(order, position)` is upserted and lines past the new count are dropped. Sending it again changes nothing.
public enum OrderIngestion {
    public struct Line: Sendable, Hashable {
        public var sku: SKU
        public var name: String
        public var quantity: Int
        public var unitPrice: Money

        public init(sku: SKU, name: String, quantity: Int, unitPrice: Money) {
            self.sku = sku
            self.name = name
            self.quantity = quantity
            self.unitPrice = unitPrice
        }
    }

    /// Writes `order` with `lines` (positions 1…n in their order) inside the caller's transaction. Returns
    /// `false`, writing nothing, when the customer was erased: the caller says so instead of recreating them.
    /// - Parameters:
    ///   - explicitTotal: whether `order.total` is the shop's own figure; else the lines' sum.
    ///   - customer: what the order tells of its customer (a Shopify order's e-mail and name), when it tells more
    ///     than their id; kept as an import keeps it.
    public static func write(
        _ order: Order, lines: [Line], explicitTotal: Bool, customer: Customer? = nil, to writer: any StoreWriter
    ) throws -> Bool {
        var sink = OrderSink()
        guard try !sink.isSuppressed(order.customerID, email: customer?.email, writer: writer) else { return false }
        if let customer { sink.customerRecords[customer.id] = customer }
        try sink.begin(order, explicitTotal: explicitTotal, writer: writer)
        for line in lines {
            try sink.addLine(
                sku: line.sku, name: line.name, category: nil, quantity: line.quantity, unitPrice: line.unitPrice,
                writer: writer)
        }
        try sink.finish(writer: writer)
        return true
    }
}
