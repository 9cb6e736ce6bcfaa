import Foundation

/// Builds a `Snapshot` from order lines in any order; the one place that maps ids to dense indexes.
///
/// Lines at or after `asOf` are dropped, so a back-test can build the snapshot it would have had at
/// its cutoff from the same rows.
public struct SnapshotBuilder: Sendable {
    /// One order line with the order-level facts repeated on it.
    public struct Line: Sendable, Hashable {
        public var orderID: OrderID
        public var customerID: CustomerID
        /// Seconds since 1970.
        public var orderedAt: Int64
        public var sku: SKU
        public var productName: String
        public var category: String?
        public var quantity: Int32
        /// `Money.units`.
        public var unitPrice: Int64

        public init(
            orderID: OrderID, customerID: CustomerID, orderedAt: Int64, sku: SKU, productName: String = "",
            category: String? = nil, quantity: Int32 = 1, unitPrice: Int64 = 0
        ) {
            self.orderID = orderID
            self.customerID = customerID
            self.orderedAt = orderedAt
            self.sku = sku
            self.productName = productName
            self.category = category
            self.quantity = quantity
            self.unitPrice = unitPrice
        }
    }

    public let asOf: Date
    private var customers: [Customer] = []
    private var customerIndex: [CustomerID: CustomerIndex] = [:]
    private var products: [SnapshotProduct] = []
    private var productIndex: [SKU: ProductIndex] = [:]
    private var categories: [String] = []
    private var categoryIndex: [String: Int32] = [:]
    private var orderIndex: [OrderID: Int32] = [:]
    private var orderIDs: [OrderID] = []
    private var orderCustomer: [CustomerIndex] = []
    private var orderTime: [Int64] = []
    private var orderTotal: [Int64?] = []
    private var lineOrder: [Int32] = []
    private var lineProduct: [ProductIndex] = []
    private var lineQuantity: [Int32] = []
    private var lineUnitPrice: [Int64] = []
    private let asOfSeconds: Int64
    /// The previous line's customer and order: lines mostly come order by order, and comparing an id is cheaper
    /// than hashing it (hashing ids was the builder's largest cost in loading a 1.5-million-line store).
    private var lastCustomer: (id: CustomerID, index: CustomerIndex)?
    private var lastOrder: (id: OrderID, index: Int32)?
    /// Categories by SKU for lines that carry none of their own (`Line.category` nil), looked up only when a
    /// product still needs one: the store's loader sets it instead of joining the product table to every line.
    public var categoryBySKU: [SKU: String] = [:]

    public init(asOf: Date) {
        self.asOf = asOf
        asOfSeconds = Int64(asOf.timeIntervalSince1970.rounded(.up))
    }

    /// Adds customer records (opt-out, marketing consent). Customers known only from orders get a bare record.
    public mutating func add(customer: Customer) {
        if let index = customerIndex[customer.id] {
            customers[Int(index)] = customer
        } else {
            customerIndex[customer.id] = CustomerIndex(customers.count)
            customers.append(customer)
        }
    }

    /// Adds a product record; call before the lines so that lines find its category.
    public mutating func add(product: Product) {
        let entry = SnapshotProduct(
            sku: product.sku, title: product.title, category: category(product.category), tags: product.tags,
            vendor: product.vendor, price: product.price, cost: product.cost, inventory: product.inventory,
            status: product.status, createdAt: product.createdAt, sensitive: product.sensitive, hasRecord: true)
        if let index = productIndex[product.sku] {
            products[Int(index)] = entry
        } else {
            productIndex[product.sku] = ProductIndex(products.count)
            products.append(entry)
        }
    }

    /// Sets an order's charged total; without it the total is the sum of its lines.
    public mutating func setTotal(_ total: Money, ofOrder id: OrderID) {
        if let index = orderIndex[id] { orderTotal[Int(index)] = total.units }
    }

    /// Sets the total of the order of the line just added (without looking the order up by its id).
    mutating func setTotalOfLastOrder(_ total: Money) {
        if let last = lastOrder { orderTotal[Int(last.index)] = total.units }
    }

    /// Adds one order line; lines at or after `asOf` are ignored. Returns whether it was kept.
    @discardableResult
    public mutating func add(line: Line) -> Bool {
        guard line.orderedAt < asOfSeconds else { return false }
        let customer: CustomerIndex
        if let last = lastCustomer, last.id == line.customerID {
            customer = last.index
        } else if let index = customerIndex[line.customerID] {
            customer = index
        } else {
            customer = CustomerIndex(customers.count)
            customerIndex[line.customerID] = customer
            customers.append(Customer(id: line.customerID))
        }
        lastCustomer = (line.customerID, customer)
        let product: ProductIndex
        if let index = productIndex[line.sku] {
            product = index
            if products[Int(index)].category < 0, !products[Int(index)].hasRecord,
                let name = line.category ?? categoryBySKU[line.sku]
            {
                products[Int(index)].category = category(name)
            }
        } else {
            product = ProductIndex(products.count)
            productIndex[line.sku] = product
            products.append(
                SnapshotProduct(
                    sku: line.sku, title: line.productName.isEmpty ? line.sku : line.productName,
                    category: category(line.category ?? categoryBySKU[line.sku]), hasRecord: false))
        }
        let order: Int32
        if let last = lastOrder, last.id == line.orderID {
            order = last.index
        } else if let index = orderIndex[line.orderID] {
            order = index
        } else {
            order = Int32(orderIDs.count)
            orderIndex[line.orderID] = order
            orderIDs.append(line.orderID)
            orderCustomer.append(customer)
            orderTime.append(line.orderedAt)
            orderTotal.append(nil)
        }
        lastOrder = (line.orderID, order)
        lineOrder.append(order)
        lineProduct.append(product)
        lineQuantity.append(line.quantity)
        lineUnitPrice.append(line.unitPrice)
        return true
    }

    /// The products, each catalog product without a creation date given its first sale's time as one.
    ///
    /// Shopify's product export has no creation date, so without this a shop importing from it never had a new
    /// arrival. A first sale is only taken for an arrival when it came well after the history began (60 days):
    /// in a history's first weeks every product sells for the first time, new or not.
    func productsWithArrivals() -> [SnapshotProduct] {
        guard let start = orderTime.min() else { return products }
        var firstSale = [Int64](repeating: .max, count: products.count)
        for line in lineOrder.indices {
            let product = Int(lineProduct[line])
            firstSale[product] = min(firstSale[product], orderTime[Int(lineOrder[line])])
        }
        var out = products
        for index in out.indices where out[index].createdAt == nil && out[index].hasRecord {
            let first = firstSale[index]
            if first != .max, first > start + 60 * DayNumber.seconds {
                out[index].createdAt = Date(timeIntervalSince1970: TimeInterval(first))
            }
        }
        return out
    }

    private mutating func category(_ name: String?) -> Int32 {
        guard let name, !name.isEmpty else { return -1 }
        if let index = categoryIndex[name] { return index }
        let index = Int32(categories.count)
        categoryIndex[name] = index
        categories.append(name)
        return index
    }

    /// Sorts orders by customer and time and lays the lines out contiguously.
    public func build() -> Snapshot {
        let orderCount = orderIDs.count
        var sortedOrders = Array(0..<orderCount)
        sortedOrders.sort { a, b in
            if orderCustomer[a] != orderCustomer[b] { return orderCustomer[a] < orderCustomer[b] }
            if orderTime[a] != orderTime[b] { return orderTime[a] < orderTime[b] }
            return orderIDs[a] < orderIDs[b]
        }
        var newPosition = [Int32](repeating: 0, count: orderCount)
        for (position, old) in sortedOrders.enumerated() { newPosition[old] = Int32(position) }

        // Counting sort of the lines by their order's new position keeps each order's lines in file order.
        var lineStart = ContiguousArray<Int32>(repeating: 0, count: orderCount + 1)
        for order in lineOrder { lineStart[Int(newPosition[Int(order)]) + 1] += 1 }
        for i in 0..<orderCount { lineStart[i + 1] += lineStart[i] }
        var cursor = Array(lineStart.dropLast())
        let lineCount = lineOrder.count
        var outProduct = ContiguousArray<ProductIndex>(repeating: 0, count: lineCount)
        var outQuantity = ContiguousArray<Int32>(repeating: 0, count: lineCount)
        var outPrice = ContiguousArray<Int64>(repeating: 0, count: lineCount)
        var outOrder = ContiguousArray<Int32>(repeating: 0, count: lineCount)
        var lineSums = [Int64](repeating: 0, count: orderCount)
        for line in 0..<lineCount {
            let order = Int(newPosition[Int(lineOrder[line])])
            let slot = Int(cursor[order])
            cursor[order] += 1
            outProduct[slot] = lineProduct[line]
            outQuantity[slot] = lineQuantity[line]
            outPrice[slot] = lineUnitPrice[line]
            outOrder[slot] = Int32(order)
            lineSums[order] += Int64(lineQuantity[line]) * lineUnitPrice[line]
        }

        var ids = [OrderID]()
        ids.reserveCapacity(orderCount)
        var customersOut = ContiguousArray<CustomerIndex>()
        var timesOut = ContiguousArray<Int64>()
        var totalsOut = ContiguousArray<Int64>()
        customersOut.reserveCapacity(orderCount)
        timesOut.reserveCapacity(orderCount)
        totalsOut.reserveCapacity(orderCount)
        for old in sortedOrders {
            ids.append(orderIDs[old])
            customersOut.append(orderCustomer[old])
            timesOut.append(orderTime[old])
            totalsOut.append(orderTotal[old] ?? lineSums[Int(newPosition[old])])
        }
        var customerStart = ContiguousArray<Int32>(repeating: 0, count: customers.count + 1)
        for customer in customersOut { customerStart[Int(customer) + 1] += 1 }
        for i in 0..<customers.count { customerStart[i + 1] += customerStart[i] }

        return Snapshot(
            asOf: asOf, customers: customers, customerIndexByID: customerIndex, products: productsWithArrivals(),
            productIndexBySKU: productIndex, categories: categories, orderIDs: ids, orderCustomer: customersOut,
            orderTime: timesOut, orderTotal: totalsOut, customerOrderStart: customerStart,
            orderLineStart: lineStart, lineProduct: outProduct, lineQuantity: outQuantity, lineUnitPrice: outPrice,
            lineOrder: outOrder)
    }
}
