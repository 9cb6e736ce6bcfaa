import Foundation

/// The file formats Regulars reads.
public enum ImportFormat: String, Sendable, CaseIterable, Codable {
    case generic
    case shopify
}

/// The entry point for imports: picks the format's row logic and runs it in one transaction.
public enum Importer {
    /// Imports an orders file (`.csv` or gzip) into `store`.
    /// - Throws: `ImportError` for a bad header, `ImportRefused` when rows are invalid (nothing written).
    public static func importOrders(
        from url: URL, displayName: String? = nil, format: ImportFormat, options: ImportOptions = .init(),
        into store: any Store
    ) throws -> ImportReport {
        let name = displayName ?? url.path
        switch format {
        case .generic:
            return try ImportDriver.run(
                GenericOrdersImporter.self, url: url, displayName: name, kind: "orders", format: format.rawValue,
                options: options, store: store)
        case .shopify:
            return try ImportDriver.run(
                ShopifyOrdersImporter.self, url: url, displayName: name, kind: "orders", format: format.rawValue,
                options: options, store: store)
        }
    }

    /// Imports a products file (`.csv` or gzip) into `store`.
    public static func importProducts(
        from url: URL, displayName: String? = nil, format: ImportFormat, options: ImportOptions = .init(),
        into store: any Store
    ) throws -> ImportReport {
        let name = displayName ?? url.path
        switch format {
        case .generic:
            return try ImportDriver.run(
                GenericProductsImporter.self, url: url, displayName: name, kind: "products", format: format.rawValue,
                options: options, store: store)
        case .shopify:
            return try ImportDriver.run(
                ShopifyProductsImporter.self, url: url, displayName: name, kind: "products", format: format.rawValue,
                options: options, store: store)
        }
    }

    /// Guesses the format from a file's header: Shopify exports have `Lineitem …` or `Variant …`/`URL handle` columns.
    public static func detectFormat(of url: URL) throws -> ImportFormat {
        let reader = try CSVReader(url: url)
        let header = (try reader.readRecord()?.fields ?? []).map { $0.lowercased() }
        let shopify = header.contains("lineitem quantity") || header.contains("handle") || header.contains("url handle")
        return shopify ? .shopify : .generic
    }
}
