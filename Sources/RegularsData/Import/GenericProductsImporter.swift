import Foundation

/// `sku,title,category,tags,price,…`: a plain product list, with `--map` for other column names.
///
/// Optional columns: handle, description, vendor, compare_at_price, cost, inventory, status, created_at,
/// sensitive (`true`/`yes`/`1`). Tags are separated by commas or semicolons.
struct GenericProductsImporter: RowImporter {
    private let sku, title: Column
    private let category, tags, price, handle, description, vendor, compareAt, cost, inventory, status, createdAt,
        sensitive: Column?
    private var products: Set<SKU> = []

    init(columns: Columns) throws {
        sku = try columns.require("sku")
        title = try columns.require("title")
        category = columns.find("category")
        tags = columns.find("tags")
        price = columns.find("price")
        handle = columns.find("handle")
        description = columns.find("description")
        vendor = columns.find("vendor")
        compareAt = columns.find("compare_at_price")
        cost = columns.find("cost")
        inventory = columns.find("inventory")
        status = columns.find("status")
        createdAt = columns.find("created_at")
        sensitive = columns.find("sensitive")
    }

    mutating func consume(_ row: ImportRow, writer: any StoreWriter, report: inout ImportReport) throws {
        let code = try row.required(sku)
        let product = Product(
            sku: code, title: try row.required(title), handle: row.optional(handle),
            description: row.optional(description),
            vendor: row.optional(vendor), category: row.optional(category),
            tags: (row.optional(tags) ?? "").split(whereSeparator: { $0 == "," || $0 == ";" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            price: try row.optionalMoney(price), compareAtPrice: try row.optionalMoney(compareAt),
            cost: try row.optionalMoney(cost), inventory: try row.optionalInt(inventory),
            status: row.optional(status)?.lowercased(),
            createdAt: try row.optionalDate(createdAt).map { Date(timeIntervalSince1970: TimeInterval($0)) },
            sensitive: ["true", "yes", "1", "y"].contains(row.optional(sensitive)?.lowercased() ?? ""))
        try writer.upsert(product: product)
        products.insert(code)
        report.rowsImported += 1
    }

    mutating func finish(writer: any StoreWriter, report: inout ImportReport) throws {
        report.products = products.count
    }
}
