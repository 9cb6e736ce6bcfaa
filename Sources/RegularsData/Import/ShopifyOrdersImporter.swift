import Foundation

/// Shopify's orders export: one row per line item; order-level fields only on an order's first row.
///
/// Columns are found by name, so older exports with fewer columns work. Cancelled, voided and fully
/// refunded orders are skipped and counted. Customers are keyed by e-mail (`StableID.customer`); guest
/// orders without one get a stable guest id from billing name, phone and zip, else the order name.
struct ShopifyOrdersImporter: RowImporter {
    private let name, createdAt, lineQuantity, lineName, linePrice: Column
    private let email, financialStatus, acceptsMarketing, currency, total, discountCode, cancelledAt: Column?
    private let lineSKU, billingName, phone, billingZip, shippingZip, source: Column?
    private var sink = OrderSink()
    /// The order whose first row was skipped or rejected: its further rows follow it.
    private var skippedOrder: (id: String, reason: String?, line: Int)?

    init(columns: Columns) throws {
        name = try columns.require("order_id", "Name")
        createdAt = try columns.require("ordered_at", "Created at")
        lineQuantity = try columns.require("quantity", "Lineitem quantity")
        lineName = try columns.require("product_name", "Lineitem name")
        linePrice = try columns.require("unit_price", "Lineitem price")
        lineSKU = columns.find("sku", "Lineitem sku")
        email = columns.find("email", "Email")
        financialStatus = columns.find("financial_status", "Financial Status")
        acceptsMarketing = columns.find("accepts_marketing", "Accepts Marketing", "Accepts email marketing")
        currency = columns.find("currency", "Currency")
        total = columns.find("total", "Total")
        discountCode = columns.find("discount_code", "Discount Code")
        cancelledAt = columns.find("cancelled_at", "Cancelled at")
        billingName = columns.find("billing_name", "Billing Name")
        phone = columns.find("phone", "Phone", "Billing Phone")
        billingZip = columns.find("billing_zip", "Billing Zip")
        shippingZip = columns.find("shipping_zip", "Shipping Zip")
        source = columns.find("source", "Source")
    }

    mutating func consume(_ row: ImportRow, writer: any StoreWriter, report: inout ImportReport) throws {
        let id = try row.required(name)
        if let skipped = skippedOrder, skipped.id == id {
            if let reason = skipped.reason {
                report.skip(reason)
                return
            }
            throw row.error(name, .orderRejected(firstLine: skipped.line))
        }
        if sink.currentOrderID != id {
            skippedOrder = nil
            try beginOrder(id: id, row: row, writer: writer, report: &report)
            if skippedOrder != nil { return }
        }
        // An edited order keeps removed items as lines with quantity 0: nothing was bought.
        if Int(row.text(lineQuantity).trimmingCharacters(in: .whitespaces)) == 0 {
            report.skip("line item with quantity 0")
            return
        }
        let quantity = try row.quantity(lineQuantity)
        let price = try row.money(linePrice)
        let title = try row.required(lineName)
        // A custom line item has no SKU; its name is the best stable key it has.
        let sku = row.optional(lineSKU) ?? title
        try sink.addLine(sku: sku, name: title, category: nil, quantity: quantity, unitPrice: price, writer: writer)
        report.rowsImported += 1
    }

    private mutating func beginOrder(id: String, row: ImportRow, writer: any StoreWriter, report: inout ImportReport)
        throws
    {
        try sink.flush(writer: writer)
        let status = row.optional(financialStatus)?.lowercased()
        if row.optional(cancelledAt) != nil || status == "voided" {
            skippedOrder = (id, "cancelled order", row.line)
            report.skip("cancelled order")
            report.skippedOrders["cancelled", default: 0] += 1
            return
        }
        if status == "refunded" {
            skippedOrder = (id, "refunded order", row.line)
            report.skip("refunded order")
            report.skippedOrders["refunded", default: 0] += 1
            return
        }
        do {
            let time = try row.date(createdAt)
            let orderTotal = try row.optionalMoney(total)
            let customerID: CustomerID
            let address = row.optional(email)
            if let address {
                customerID = StableID.customer(email: address)
                let first = row.optional(billingName).flatMap { $0.split(separator: " ").first.map(String.init) }
                let marketing = row.optional(acceptsMarketing).map {
                    ["yes", "true", "1", "subscribed"].contains($0.lowercased())
                }
                sink.customerRecords[customerID] =
                    sink.customerRecords[customerID]
                    ?? Customer(id: customerID, email: address, firstName: first, acceptsMarketing: marketing ?? false)
            } else {
                let parts = [row.text(billingName), row.text(phone), row.text(billingZip), row.text(shippingZip)]
                customerID = StableID.guest(parts.allSatisfy { $0.isEmpty } ? [id] : parts)
            }
            if try sink.isSuppressed(customerID, email: address, writer: writer) {
                skippedOrder = (id, "erased customer", row.line)
                report.skip("erased customer")
                report.skippedOrders["erased customer", default: 0] += 1
                return
            }
            try sink.begin(
                Order(
                    id: id, customerID: customerID, createdAt: Date(timeIntervalSince1970: TimeInterval(time)),
                    currency: row.optional(currency), total: orderTotal ?? .zero,
                    discountCode: row.optional(discountCode),
                    source: row.optional(source) ?? "shopify"),
                explicitTotal: orderTotal != nil, writer: writer)
        } catch {
            skippedOrder = (id, nil, row.line)
            sink.discardCurrent()
            throw error
        }
    }

    mutating func finish(writer: any StoreWriter, report: inout ImportReport) throws {
        try sink.finish(writer: writer)
        report.orders = sink.orderCount
        report.customers = sink.customerCount
        report.products = sink.productCount
    }
}
