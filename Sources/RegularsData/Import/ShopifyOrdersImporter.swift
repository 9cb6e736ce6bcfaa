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
        let sku = ShopifyOrderFields.sku(row.optional(lineSKU), name: title)
        try sink.addLine(sku: sku, name: title, category: nil, quantity: quantity, unitPrice: price, writer: writer)
        report.rowsImported += 1
    }

    private mutating func beginOrder(id: String, row: ImportRow, writer: any StoreWriter, report: inout ImportReport)
        throws
    {
        try sink.flush(writer: writer)
        do {
            let fields = try self.fields(id: id, row: row)
            if let exclusion = fields.exclusion {
                skip(id, because: "\(exclusion) order", kind: exclusion, row: row, report: &report)
                return
            }
            let (customerID, record) = fields.customer
            if let record { sink.customerRecords[customerID] = sink.customerRecords[customerID] ?? record }
            if try sink.isSuppressed(customerID, email: fields.email, writer: writer) {
                skip(id, because: "erased customer", kind: "erased customer", row: row, report: &report)
                return
            }
            try sink.begin(
                fields.order(customerID: customerID), explicitTotal: fields.total != nil, writer: writer)
        } catch {
            skippedOrder = (id, nil, row.line)
            sink.discardCurrent()
            throw error
        }
    }

    /// The order-level columns of an order's first row, as the webhooks' JSON gives them too.
    private func fields(id: String, row: ImportRow) throws -> ShopifyOrderFields {
        // A cancelled or refunded order is skipped before its date or total is read: a broken value there is moot.
        var fields = ShopifyOrderFields(name: id, createdAt: 0)
        fields.cancelled = row.optional(cancelledAt) != nil
        fields.financialStatus = row.optional(financialStatus)
        if fields.exclusion != nil { return fields }
        fields.createdAt = try row.date(createdAt)
        fields.total = try row.optionalMoney(total)
        fields.email = row.optional(email)
        fields.billingName = row.optional(billingName)
        fields.phone = row.optional(phone)
        fields.billingZip = row.optional(billingZip)
        fields.shippingZip = row.optional(shippingZip)
        fields.acceptsMarketing = row.optional(acceptsMarketing).map {
            ["yes", "true", "1", "subscribed"].contains($0.lowercased())
        }
        fields.currency = row.optional(currency)
        fields.discountCode = row.optional(discountCode)
        fields.source = row.optional(source)
        return fields
    }

    private mutating func skip(
        _ id: String, because reason: String, kind: String, row: ImportRow, report: inout ImportReport
    ) {
        skippedOrder = (id, reason, row.line)
        report.skip(reason)
        report.skippedOrders[kind, default: 0] += 1
    }

    mutating func finish(writer: any StoreWriter, report: inout ImportReport) throws {
        try sink.finish(writer: writer)
        report.orders = sink.orderCount
        report.customers = sink.customerCount
        report.products = sink.productCount
    }
}
