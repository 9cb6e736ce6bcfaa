import Foundation

/// Gathers an order's lines as rows arrive and writes the order when the next one starts.
///
/// Lines are numbered in file order per order, so re-importing a file upserts the same
/// (order, position) keys; orders that shrank since the last import lose their extra lines in `finish`.
struct OrderSink {
    private var seen: [OrderID: (lines: Int, total: Int64)] = [:]
    private var order: Order?
    private var hasExplicitTotal = false
    private var lines: [OrderLine] = []
    private var customersSeen: Set<CustomerID> = []
    private var productsSeen: Set<SKU> = []
    /// Customers with full records (Shopify) instead of a bare id; the first seen wins (exports list newest first).
    var customerRecords: [CustomerID: Customer] = [:]

    private var suppressed: [CustomerID: Bool] = [:]
    /// The last answer of `isSuppressed`: consecutive rows are mostly the same order's, so the same customer.
    private var lastSuppressed: (id: CustomerID, answer: Bool)?
    /// Lines the current order had from earlier rows of the file, looked up once per order, not per line.
    private var earlierLines = 0

    var orderCount: Int { seen.count }

    /// Whether the customer was erased (asked once per customer and import).
    mutating func isSuppressed(_ id: CustomerID, email: String?, writer: any StoreWriter) throws -> Bool {
        if let lastSuppressed, lastSuppressed.id == id { return lastSuppressed.answer }
        let answer: Bool
        if let known = suppressed[id] {
            answer = known
        } else {
            answer = try writer.isSuppressed(customerID: id, email: email)
            suppressed[id] = answer
        }
        lastSuppressed = (id, answer)
        return answer
    }
    var customerCount: Int { customersSeen.count }
    var productCount: Int { productsSeen.count }
    var currentOrderID: OrderID? { order?.id }

    /// Starts collecting lines for `order`; writes the previous order if it was another.
    mutating func begin(_ newOrder: Order, explicitTotal: Bool, writer: any StoreWriter) throws {
        if order?.id == newOrder.id { return }
        try flush(writer: writer)
        order = newOrder
        hasExplicitTotal = explicitTotal
        earlierLines = seen[newOrder.id]?.lines ?? 0
    }

    mutating func addLine(
        sku: SKU, name: String, category: String?, quantity: Int, unitPrice: Money, writer: any StoreWriter
    ) throws {
        guard let order else { return }
        let position = earlierLines + lines.count + 1
        lines.append(
            OrderLine(
                orderID: order.id, position: position, sku: sku, productName: name, quantity: quantity,
                unitPrice: unitPrice))
        if productsSeen.insert(sku).inserted {
            try writer.ensureProduct(sku: sku, title: name.isEmpty ? sku : name, category: category)
        }
    }

    mutating func flush(writer: any StoreWriter) throws {
        guard var order else { return }
        self.order = nil
        let previous = seen[order.id] ?? (0, 0)
        // Every row of the order was rejected (with --skip-invalid): the file says nothing about its lines, so
        // what the store has stays, untouched and untrimmed (it used to be trimmed to nothing).
        if lines.isEmpty && previous.lines == 0 { return }
        let linesTotal = lines.reduce(Int64(0)) { $0 + Int64($1.quantity) * $1.unitPrice.units }
        if !hasExplicitTotal { order.total = Money(units: previous.total + linesTotal) }
        if customersSeen.insert(order.customerID).inserted {
            if let record = customerRecords[order.customerID] {
                try writer.upsert(customer: record)
            } else {
                try writer.ensureCustomer(order.customerID)
            }
        }
        try writer.upsert(order: order)
        for line in lines { try writer.upsert(line: line) }
        seen[order.id] = (previous.lines + lines.count, order.total.units)
        lines.removeAll(keepingCapacity: true)
    }

    /// Drops the order being collected without writing it (its first row was invalid, or it is cancelled).
    mutating func discardCurrent() {
        order = nil
        lines.removeAll(keepingCapacity: true)
    }

    mutating func finish(writer: any StoreWriter) throws {
        try flush(writer: writer)
        for (id, state) in seen { try writer.trimLines(of: id, keeping: state.lines) }
    }
}
