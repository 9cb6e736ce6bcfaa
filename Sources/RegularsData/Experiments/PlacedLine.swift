import Foundation

/// An order line with its order's customer and time, at the price actually paid (after discounts): what
/// attribution and the revenue figures read, because attributed revenue is money that came in, not the catalog
/// value of what left the shelf.
public struct PlacedLine: Sendable, Hashable, Codable {
    /// A line's identity across imports: the same order imported again, or updated, has the same keys.
    public struct Key: Sendable, Hashable, Codable, Comparable {
        public var orderID: String
        public var position: Int

        public init(orderID: String, position: Int) {
            self.orderID = orderID
            self.position = position
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            lhs.orderID != rhs.orderID ? lhs.orderID < rhs.orderID : lhs.position < rhs.position
        }
    }

    public var orderID: OrderID
    public var position: Int
    /// `nil` for a guest order.
    public var customerID: CustomerID?
    /// The browsing session, when the shop sent one with the order; it also links that session to `customerID`.
    public var sessionID: String?
    /// The order's time, seconds since 1970.
    public var at: Int64
    public var sku: SKU
    public var quantity: Int
    /// The price actually paid for one item.
    public var unitPrice: Money

    public init(
        orderID: String, position: Int, customerID: String?, sessionID: String? = nil, at: Int64, sku: String,
        quantity: Int, unitPrice: Money
    ) {
        self.orderID = orderID
        self.position = position
        self.customerID = customerID
        self.sessionID = sessionID
        self.at = at
        self.sku = sku
        self.quantity = quantity
        self.unitPrice = unitPrice
    }

    public var key: Key { Key(orderID: orderID, position: position) }

    /// What the line brought in: `unitPrice × quantity`.
    public var revenue: Money { unitPrice * quantity }

    /// `lines` with one line per key: the last occurrence wins (a re-import or an update replaces the line, as the
    /// store's upsert on `(orderKey, position)` does) and keeps the place of the first, so the result is stable.
    public static func latest(_ lines: [PlacedLine]) -> [PlacedLine] {
        var slot: [Key: Int] = [:]
        slot.reserveCapacity(lines.count)
        var result: [PlacedLine] = []
        result.reserveCapacity(lines.count)
        for line in lines {
            if let index = slot[line.key] {
                result[index] = line
            } else {
                slot[line.key] = result.count
                result.append(line)
            }
        }
        return result
    }
}
