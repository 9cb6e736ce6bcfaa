import Foundation

/// Shopify's products export, both header generations (legacy `Handle,Title,Body (HTML),…,Variant SKU`
/// and current `Title,URL handle,Description,…,SKU`).
///
/// One product per variant (`ShopifyProductMapping`, shared with the product webhooks): rows that repeat a handle
/// with an empty title are further variants, or only images (skipped and counted).
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
        let categoryName = ShopifyProductMapping.category(type: row.optional(type), taxonomy: row.optional(taxonomy))
        let tagList = ShopifyProductMapping.tags(row.optional(tags))
        let publishedFlag = row.optional(published)?.lowercased()
        let statusText = row.optional(status)?.lowercased() ?? (publishedFlag == "false" ? "draft" : "active")
        var tagsWithGift = tagList
        if row.optional(giftCard)?.lowercased() == "true", !tagsWithGift.contains("gift card") {
            tagsWithGift.append("gift card")
        }
        let product = Product(
            sku: key, title: name, handle: key, description: row.optional(description).map(HTMLText.plain),
            vendor: row.optional(vendor), category: categoryName, tags: tagsWithGift, status: statusText,
            sensitive: ShopifyProductMapping.isSensitive(tags: tagList))
        current = product
        try write(variant(of: product, row: row), writer: writer, report: &report)
    }

    private func variant(of product: Product, row: ImportRow) throws -> Product {
        var variant = product
        let options = ShopifyProductMapping.options([option1, option2, option3].map { row.optional($0) })
        variant.sku = ShopifyProductMapping.variantSKU(
            row.optional(sku), handle: product.handle ?? product.sku, options: options)
        variant.title = ShopifyProductMapping.variantTitle(product.title, options: options)
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
