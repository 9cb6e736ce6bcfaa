import Foundation
import RegularsData

extension DemoShop {
    /// The header of Shopify's products export since 2024 (57 columns), copied from Shopify's template;
    /// see `Tests/Fixtures/shopify/SOURCES.md`.
    public static let productsExportHeader: [String] = [
        "Title", "URL handle", "Description", "Vendor", "Product category", "Type", "Tags",
        "Published on online store", "Status", "SKU", "Barcode", "Option1 name", "Option1 value", "Option1 Linked To",
        "Option2 name", "Option2 value", "Option2 Linked To", "Option3 name", "Option3 value", "Option3 Linked To",
        "Price", "Compare-at price", "Cost per item", "Charge tax", "Tax code", "Unit price total measure",
        "Unit price total measure unit", "Unit price base measure", "Unit price base measure unit",
        "Inventory tracker", "Inventory quantity", "Continue selling when out of stock", "Weight value (grams)",
        "Weight unit for display", "Requires shipping", "Fulfillment service", "Product image URL",
        "Image position", "Image alt text", "Variant image URL", "Gift card", "SEO title", "SEO description",
        "Color (product.metafields.shopify.color-pattern)", "Google Shopping / Google product category",
        "Google Shopping / Gender", "Google Shopping / Age group",
        "Google Shopping / Manufacturer part number (MPN)", "Google Shopping / Ad group name",
        "Google Shopping / Ads labels", "Google Shopping / Condition", "Google Shopping / Custom product",
        "Google Shopping / Custom label 0", "Google Shopping / Custom label 1", "Google Shopping / Custom label 2",
        "Google Shopping / Custom label 3", "Google Shopping / Custom label 4",
    ]

    /// The catalog in Shopify's current products-export format: a product's first row carries its
    /// title, description, vendor, category (`Type` holds the shop's category name, `Product category`
    /// Shopify's taxonomy), tags and status; further rows repeat only the `URL handle` and add a variant
    /// or just an image.
    public func productsCSV() -> String { String(decoding: productsCSVBytes(), as: UTF8.self) }

    /// `productsCSV()` as UTF-8 bytes, without the detour through `String`.
    func productsCSVBytes() -> [UInt8] {
        var csv = DemoCSV(header: Self.productsExportHeader)
        var start = 0
        while start < products.count {
            let itemIndex = catalog.entries[start].item
            var end = start
            while end < products.count, catalog.entries[end].item == itemIndex { end += 1 }
            let item = DemoCatalog.items[itemIndex]
            let first = products[start]
            let imageCount = catalog.entries[start].imageCount
            for row in 0..<max(end - start, imageCount) {
                var fields: [(String, String)] = [("URL handle", item.handle)]
                if row == 0 {
                    fields += [
                        ("Title", item.title), ("Description", first.description ?? ""), ("Vendor", item.vendor),
                        ("Product category", item.category.taxonomy), ("Type", item.category.rawValue),
                        // Shopify has no sensitive flag; shops mark such products with a `sensitive` tag.
                        ("Tags", (first.tags + (first.sensitive ? ["sensitive"] : [])).joined(separator: ", ")),
                        ("Published on online store", first.status == "active" ? "TRUE" : "FALSE"),
                        ("Status", first.status ?? ""), ("Option1 name", item.optionName), ("Gift card", "FALSE"),
                    ]
                }
                if start + row < end {
                    let product = products[start + row]
                    let entry = catalog.entries[start + row]
                    fields += [
                        ("SKU", product.sku), ("Barcode", entry.barcode), ("Option1 value", item.optionValues[row]),
                        ("Price", product.price.map(DemoCSV.amount) ?? ""),
                        ("Compare-at price", product.compareAtPrice.map(DemoCSV.amount) ?? ""),
                        ("Cost per item", product.cost.map(DemoCSV.amount) ?? ""), ("Charge tax", "TRUE"),
                        ("Inventory tracker", "shopify"), ("Inventory quantity", String(product.inventory ?? 0)),
                        ("Continue selling when out of stock", "DENY"), ("Weight value (grams)", String(entry.grams)),
                        ("Weight unit for display", "kg"), ("Requires shipping", "TRUE"),
                        ("Fulfillment service", "manual"),
                    ]
                }
                if row < imageCount {
                    fields += [
                        (
                            "Product image URL",
                            "https://cdn.shopify.com/s/files/1/0612/3456/files/\(item.handle)-\(row + 1).jpg"
                        ),
                        ("Image position", String(row + 1)), ("Image alt text", "\(item.title), photo \(row + 1)"),
                    ]
                }
                csv.append(fields)
            }
            start = end
        }
        return csv.bytes
    }

    /// Writes `orders_export.csv` and `products_export.csv` into `directory`, creating it if needed.
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The orders export names (made-up) customers: owner-only, as every file with customers' details.
        try PrivateFile.write(Data(ordersCSVBytes()), to: directory.appendingPathComponent("orders_export.csv"))
        try Data(productsCSVBytes()).write(to: directory.appendingPathComponent("products_export.csv"))
    }
}
