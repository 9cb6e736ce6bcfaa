import Foundation

/// Shopify's products export, both header generations (legacy `Handle,Title,Body (HTML),…,Variant SKU`
/// and current `Title,URL handle,Description,…,SKU`).
///
/// One product per variant: rows that repeat a handle with an empty title are further variants, or only
/// images (skipped and counted). The category is the shop's own product type, else the last step of
/// Shopify's taxonomy path. A tag `sensitive` marks a product sensitive.
struct ShopifyProductsImporter: RowImporter {
    private let handle, title: Column
    private let description, vendor, taxonomy, type, tags, published, status, sku, option1, option2, option3: Column?
    private let price, compareAt, cost, inventory, giftCard: Column?
    private var current: Product?
    private var products: Set<SKU> = []

    init(columns: Columns) throws {
        handle = try columns.require("handle", "Handle", "URL handle")
        title = try columns.require("title", "Title")
        description = columns.find("description", "Body (HTML)", "Description")
        vendor = columns.find("vendor", "Vendor")
        taxonomy = columns.find("product_category", "Product Category", "Standard Product Type")
        type = columns.find("type", "Type", "Custom Product Type")
        tags = columns.find("tags", "Tags")
        published = columns.find("published", "Published", "Published on online store")
        status = columns.find("status", "Status")
        sku = columns.find("sku", "Variant SKU", "SKU")
        option1 = columns.find("option1", "Option1 Value")
        option2 = columns.find("option2", "Option2 Value")
        option3 = columns.find("option3", "Option3 Value")
        price = columns.find("price", "Variant Price", "Price")
        compareAt = columns.find("compare_at_price", "Variant Compare At Price", "Compare-at price")
        cost = columns.find("cost", "Cost per item")
        inventory = columns.find("inventory", "Variant Inventory Qty", "Inventory quantity")
        giftCard = columns.find("gift_card", "Gift Card")
    }

    mutating func consume(_ row: ImportRow, writer: any StoreWriter, report: inout ImportReport) throws {
        let key = try row.required(handle)
        let isVariantRow = row.optional(sku) != nil || row.optional(price) != nil || row.optional(option1) != nil
        if let product = current, product.handle == key, row.optional(title) == nil {
            guard isVariantRow else {
                report.skip("image row")
                return
            }
            try write(variant(of: product, row: row), writer: writer, report: &report)
            return
        }
        let name = try row.required(title)
        let categoryName =
            row.optional(type)
            ?? row.optional(taxonomy).map {
                String($0.split(separator: ">").last ?? Substring($0)).trimmingCharacters(in: .whitespaces)
            }
        let tagList = (row.optional(tags) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let publishedFlag = row.optional(published)?.lowercased()
        let statusText = row.optional(status)?.lowercased() ?? (publishedFlag == "false" ? "draft" : "active")
        var tagsWithGift = tagList
        if row.optional(giftCard)?.lowercased() == "true", !tagsWithGift.contains("gift card") {
            tagsWithGift.append("gift card")
        }
        let product = Product(
            sku: key, title: name, handle: key, description: row.optional(description).map(HTMLText.plain),
            vendor: row.optional(vendor), category: categoryName, tags: tagsWithGift, status: statusText,
            sensitive: tagList.contains { $0.lowercased() == "sensitive" })
        current = product
        try write(variant(of: product, row: row), writer: writer, report: &report)
    }

    private func variant(of product: Product, row: ImportRow) throws -> Product {
        var variant = product
        let options = [option1, option2, option3].compactMap { row.optional($0) }.filter { $0 != "Default Title" }
        let handleText = product.handle ?? product.sku
        variant.sku =
            row.optional(sku)
            ?? (options.isEmpty
                ? handleText
                : handleText + "-"
                    + options.joined(separator: "-").lowercased()
                    .replacingOccurrences(of: " ", with: "-"))
        if !options.isEmpty { variant.title = product.title + " - " + options.joined(separator: " / ") }
        variant.price = try row.optionalMoney(price)
        variant.compareAtPrice = try row.optionalMoney(compareAt)
        variant.cost = try row.optionalMoney(cost)
        variant.inventory = try row.optionalInt(inventory)
        return variant
    }

    private mutating func write(_ product: Product, writer: any StoreWriter, report: inout ImportReport) throws {
        try writer.upsert(product: product)
        products.insert(product.sku)
        report.rowsImported += 1
    }

    mutating func finish(writer: any StoreWriter, report: inout ImportReport) throws {
        report.products = products.count
    }
}

/// Turns a product description's HTML into plain text for similarity and briefs.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
                text.append(" ")
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        let entities = [
            "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&nbsp;": " ", "&eacute;": "é",
        ]
        for (entity, value) in entities { text = text.replacingOccurrences(of: entity, with: value) }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
