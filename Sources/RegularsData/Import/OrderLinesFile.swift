import Foundation

/// Reads a generic-orders file straight into snapshot lines, for back-tests that must see exactly the
/// rows the reference scorer sees (`../shared/bench/PROTOCOL.md` §1), without a store in between.
///
/// Same reader and column rules as the generic importer; like the scorer, it keeps every row with eight
/// fields, a customer, a SKU and a date, whatever its quantity (an unreadable quantity counts as 1, an
/// unreadable price as 0), and refuses the file at the first row that breaks those rules.
public enum OrderLinesFile {
    public static func read(
        from url: URL, displayName: String? = nil, progress: (@Sendable (Double) -> Void)? = nil
    ) throws -> [SnapshotBuilder.Line] {
        let name = displayName ?? url.path
        let reader = try CSVReader(url: url, displayName: name)
        guard let header = try reader.readRecord()?.fields else {
            throw ImportError(file: name, line: 1, field: "(header)", reason: .other("the file is empty"))
        }
        let columns = Columns(header: header, file: name, map: [:])
        let orderID = try columns.require("order_id")
        let customerID = try columns.require("customer_id")
        let orderedAt = try columns.require("ordered_at")
        let sku = try columns.require("sku")
        let productName = columns.find("product_name")
        let category = columns.find("category")
        let quantity = columns.find("quantity")
        let unitPrice = columns.find("unit_price")
        let fileSize =
            (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.doubleValue ?? 0
        var lines: [SnapshotBuilder.Line] = []
        var dates: [String: Int64] = [:]
        while let record = try reader.readRecord() {
            let row = ImportRow(record: record, file: name)
            let dateText = row.text(orderedAt)
            let seconds: Int64
            if let known = dates[dateText] {
                seconds = known
            } else {
                seconds = try row.date(orderedAt)
                dates[dateText] = seconds
            }
            let count = Int32(row.text(quantity).trimmingCharacters(in: .whitespaces)) ?? 1
            lines.append(
                SnapshotBuilder.Line(
                    orderID: row.text(orderID), customerID: try row.required(customerID), orderedAt: seconds,
                    sku: try row.required(sku), productName: row.text(productName), category: row.optional(category),
                    quantity: count, unitPrice: Money(parsing: row.text(unitPrice))?.units ?? 0))
            if lines.count % 50_000 == 0, let progress, fileSize > 0 { progress(min(1, reader.bytesRead / fileSize)) }
        }
        progress?(1)
        return lines
    }
}
