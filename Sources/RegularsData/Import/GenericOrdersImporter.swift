import Foundation

/// `order_id,customer_id,ordered_at,sku,product_name,category,quantity,unit_price`, one row per order line.
///
/// The format of ../shared/data/online-retail.csv.gz and of any spreadsheet mapped with `--map`.
/// Rows of one order need not be adjacent. Products seen here become catalog stubs (title, category).
struct GenericOrdersImporter: RowImporter {
    static let fields = [
        "order_id", "customer_id", "ordered_at", "sku", "product_name", "category", "quantity", "unit_price",
    ]
    private let orderID, customerID, orderedAt, sku, quantity, unitPrice: Column
    private let productName, category: Column?
    private var sink = OrderSink()
    /// The last date read and its seconds: an order's rows share their date, so most rows need
    /// no parsing.
    private var lastDate: (text: String, seconds: Int64)?

    init(columns: Columns) throws {
        orderID = try columns.require("order_id")
        customerID = try columns.require("customer_id")
        orderedAt = try columns.require("ordered_at")
        sku = try columns.require("sku")
        quantity = try columns.require("quantity")
        unitPrice = try columns.require("unit_price")
        productName = columns.find("product_name")
        category = columns.find("category")
    }

    mutating func consume(_ row: ImportRow, writer: any StoreWriter, report: inout ImportReport) throws {
        let id = try row.required(orderID)
        let customer = try row.required(customerID)
        let time: Int64
        if let lastDate, lastDate.text == row.text(orderedAt) {
            time = lastDate.seconds
        } else {
            time = try row.date(orderedAt)
            lastDate = (row.text(orderedAt), time)
        }
        let code = try row.required(sku)
        let count = try row.quantity(quantity)
        let price = try row.money(unitPrice)
        if price.units < 0 {
            throw row.error(unitPrice, .other("the unit price \(price.exactDescription) is negative"))
        }
        if try sink.isSuppressed(customer, email: nil, writer: writer) {
            report.skip("erased customer")
            return
        }
        if sink.currentOrderID != id {
            try sink.begin(
                Order(
                    id: id, customerID: customer, createdAt: Date(timeIntervalSince1970: TimeInterval(time)),
                    total: .zero, source: "import:generic"),
                explicitTotal: false, writer: writer)
        }
        try sink.addLine(
            sku: code, name: row.text(productName), category: row.optional(category), quantity: count, unitPrice: price,
            writer: writer)
        report.rowsImported += 1
    }

    mutating func finish(writer: any StoreWriter, report: inout ImportReport) throws {
        try sink.finish(writer: writer)
        report.orders = sink.orderCount
        report.customers = sink.customerCount
        report.products = sink.productCount
    }
}
