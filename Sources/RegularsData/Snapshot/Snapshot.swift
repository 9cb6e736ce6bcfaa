import Foundation

/// A consistent, read-only copy of a shop's orders laid out for the models.
///
/// Strings are mapped to dense ids once, here: customers are `0..<customerCount`, products
/// `0..<productCount`. Orders are sorted by customer, then time, then order id, and each order's lines
/// follow one another, so one customer's orders and lines are contiguous ranges (CSR layout):
///
/// - orders of customer `c`: `customerOrderStart[c] ..< customerOrderStart[c + 1]`
/// - lines of order `o`: `orderLineStart[o] ..< orderLineStart[o + 1]`
/// - lines of customer `c`: `orderLineStart[customerOrderStart[c]] ..< orderLineStart[customerOrderStart[c + 1]]`
///
/// Times are whole seconds since 1970-01-01T00:00:00Z; money is `Money.units` (ten-thousandths).
public struct Snapshot: Sendable, Codable {
    /// The moment the snapshot pretends to be taken at; only orders before it are kept.
    public let asOf: Date

    public let customers: [Customer]
    public let customerIndexByID: [CustomerID: CustomerIndex]
    public let products: [SnapshotProduct]
    public let productIndexBySKU: [SKU: ProductIndex]
    /// Category names; `SnapshotProduct.category` indexes this array (`-1`: no category).
    public let categories: [String]

    public let orderIDs: [OrderID]
    public let orderCustomer: ContiguousArray<CustomerIndex>
    public let orderTime: ContiguousArray<Int64>
    /// The order's total, `Money.units`.
    public let orderTotal: ContiguousArray<Int64>
    public let customerOrderStart: ContiguousArray<Int32>
    public let orderLineStart: ContiguousArray<Int32>

    public let lineProduct: ContiguousArray<ProductIndex>
    public let lineQuantity: ContiguousArray<Int32>
    /// Unit price, `Money.units`.
    public let lineUnitPrice: ContiguousArray<Int64>
    /// The order each line belongs to (denormalised for the hot loops).
    public let lineOrder: ContiguousArray<Int32>

    /// The same snapshot with every customer's e-mail and first name removed, for files that leave the
    /// store (saved models): ids and purchases are all the models need.
    public func withoutPersonalDetails() -> Snapshot {
        Snapshot(
            asOf: asOf,
            customers: customers.map {
                Customer(id: $0.id, acceptsMarketing: $0.acceptsMarketing, optedOut: $0.optedOut)
            },
            customerIndexByID: customerIndexByID, products: products, productIndexBySKU: productIndexBySKU,
            categories: categories, orderIDs: orderIDs, orderCustomer: orderCustomer, orderTime: orderTime,
            orderTotal: orderTotal, customerOrderStart: customerOrderStart, orderLineStart: orderLineStart,
            lineProduct: lineProduct, lineQuantity: lineQuantity, lineUnitPrice: lineUnitPrice, lineOrder: lineOrder)
    }

    public var customerCount: Int { customers.count }
    public var productCount: Int { products.count }
    public var orderCount: Int { orderIDs.count }
    public var lineCount: Int { lineProduct.count }

    /// The `asOf` moment in whole seconds since 1970.
    public var asOfSeconds: Int64 { Int64(asOf.timeIntervalSince1970.rounded(.down)) }

    /// Orders of one customer, oldest first.
    @inlinable public func orders(of customer: CustomerIndex) -> Range<Int> {
        Int(customerOrderStart[Int(customer)])..<Int(customerOrderStart[Int(customer) + 1])
    }

    /// Lines of one order.
    @inlinable public func lines(of order: Int) -> Range<Int> {
        Int(orderLineStart[order])..<Int(orderLineStart[order + 1])
    }

    /// Lines of one customer, oldest order first.
    @inlinable public func lines(ofCustomer customer: CustomerIndex) -> Range<Int> {
        let orders = orders(of: customer)
        return Int(orderLineStart[orders.lowerBound])..<Int(orderLineStart[orders.upperBound])
    }

    /// The time of one line (its order's time).
    @inlinable public func lineTime(_ line: Int) -> Int64 { orderTime[Int(lineOrder[line])] }

    /// The earliest and latest order times, or `nil` without orders.
    public var orderTimeRange: ClosedRange<Int64>? {
        guard let lo = orderTime.min(), let hi = orderTime.max() else { return nil }
        return lo...hi
    }

    public init(
        asOf: Date, customers: [Customer], customerIndexByID: [CustomerID: CustomerIndex],
        products: [SnapshotProduct], productIndexBySKU: [SKU: ProductIndex], categories: [String],
        orderIDs: [OrderID], orderCustomer: ContiguousArray<CustomerIndex>, orderTime: ContiguousArray<Int64>,
        orderTotal: ContiguousArray<Int64>, customerOrderStart: ContiguousArray<Int32>,
        orderLineStart: ContiguousArray<Int32>, lineProduct: ContiguousArray<ProductIndex>,
        lineQuantity: ContiguousArray<Int32>, lineUnitPrice: ContiguousArray<Int64>,
        lineOrder: ContiguousArray<Int32>
    ) {
        self.asOf = asOf
        self.customers = customers
        self.customerIndexByID = customerIndexByID
        self.products = products
        self.productIndexBySKU = productIndexBySKU
        self.categories = categories
        self.orderIDs = orderIDs
        self.orderCustomer = orderCustomer
        self.orderTime = orderTime
        self.orderTotal = orderTotal
        self.customerOrderStart = customerOrderStart
        self.orderLineStart = orderLineStart
        self.lineProduct = lineProduct
        self.lineQuantity = lineQuantity
        self.lineUnitPrice = lineUnitPrice
        self.lineOrder = lineOrder
    }
}

/// What the models know of one product.
public struct SnapshotProduct: Sendable, Hashable, Codable {
    public var sku: SKU
    public var title: String
    /// Index into `Snapshot.categories`, or `-1`.
    public var category: Int32
    public var tags: [String]
    public var vendor: String?
    public var price: Money?
    public var cost: Money?
    public var inventory: Int?
    public var status: String?
    public var createdAt: Date?
    public var sensitive: Bool
    /// `false` when the SKU appears only in order lines, with no product record.
    public var hasRecord: Bool

    public init(
        sku: SKU, title: String, category: Int32 = -1, tags: [String] = [], vendor: String? = nil,
        price: Money? = nil, cost: Money? = nil, inventory: Int? = nil, status: String? = nil,
        createdAt: Date? = nil, sensitive: Bool = false, hasRecord: Bool = true
    ) {
        self.sku = sku
        self.title = title
        self.category = category
        self.tags = tags
        self.vendor = vendor
        self.price = price
        self.cost = cost
        self.inventory = inventory
        self.status = status
        self.createdAt = createdAt
        self.sensitive = sensitive
        self.hasRecord = hasRecord
    }
}

extension Snapshot {
    /// Whether the shop imported a product catalog. With one, a SKU missing from it (seen only in old orders)
    /// is discontinued and never offered; without one (an orders-only export) every SKU sold may be. O(products):
    /// read it once, when a recommender or a campaign is set up.
    public var hasCatalog: Bool { products.contains { $0.hasRecord } }
}

extension SnapshotProduct {
    /// Whether it may be offered at all as far as the catalog goes, in a shop that has one or not
    /// (`Snapshot.hasCatalog`).
    public func isOfferable(shopHasCatalog: Bool) -> Bool { !shopHasCatalog || hasRecord }
}
