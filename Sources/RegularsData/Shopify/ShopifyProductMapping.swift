import Foundation

/// How a Shopify product and its variants become the store's products, for the products export
/// (`ShopifyProductsImporter`) and the `products/create` and `products/update` webhooks alike.
///
/// One product per variant: its SKU, else the handle and the variant's options (`mug-large-blue`); its title the
/// product's with the options (`Mug - Large / Blue`). The category is the shop's own product type, else the last
/// step of Shopify's taxonomy path. A tag `sensitive` marks a product sensitive.
public enum ShopifyProductMapping {
    /// A variant's option values that name something: Shopify calls a product without options "Default Title".
    public static func options(_ values: [String?]) -> [String] {
        values.compactMap { $0 }.filter { !$0.isEmpty && $0 != "Default Title" }
    }

    public static func variantSKU(_ sku: String?, handle: String, options: [String]) -> SKU {
        if let sku, !sku.isEmpty { return sku }
        if options.isEmpty { return handle }
        return handle + "-" + options.joined(separator: "-").lowercased().replacingOccurrences(of: " ", with: "-")
    }

    public static func variantTitle(_ title: String, options: [String]) -> String {
        options.isEmpty ? title : title + " - " + options.joined(separator: " / ")
    }

    public static func category(type: String?, taxonomy: String?) -> String? {
        if let type, !type.isEmpty { return type }
        guard let taxonomy, !taxonomy.isEmpty else { return nil }
        return String(taxonomy.split(separator: ">").last ?? Substring(taxonomy)).trimmingCharacters(in: .whitespaces)
    }

    /// Shopify's comma-separated tags.
    public static func tags(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public static func isSensitive(tags: [String]) -> Bool {
        tags.contains { $0.lowercased() == "sensitive" }
    }
}
