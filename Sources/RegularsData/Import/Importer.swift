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
        let rows: any RowImporter.Type = format == .shopify ? ShopifyOrdersImporter.self : GenericOrdersImporter.self
        return try run(rows, kind: "orders", from: url, displayName: displayName, format: format, options, store)
    }

    /// Imports a products file (`.csv` or gzip) into `store`.
    public static func importProducts(
        from url: URL, displayName: String? = nil, format: ImportFormat, options: ImportOptions = .init(),
        into store: any Store
    ) throws -> ImportReport {
        let rows: any RowImporter.Type =
            format == .shopify ? ShopifyProductsImporter.self : GenericProductsImporter.self
        return try run(rows, kind: "products", from: url, displayName: displayName, format: format, options, store)
    }

    private static func run(
        _ rows: any RowImporter.Type, kind: String, from url: URL, displayName: String?, format: ImportFormat,
        _ options: ImportOptions, _ store: any Store
    ) throws -> ImportReport {
        try ImportDriver.run(
            rows, url: url, displayName: displayName ?? url.path, kind: kind, format: format.rawValue,
            options: options, store: store)
    }

    /// Guesses the format from a file's header: Shopify exports have `Lineitem …` or `Variant …`/`URL handle` columns.
    public static func detectFormat(of url: URL) throws -> ImportFormat {
        let reader = try CSVReader(url: url)
        let header = (try reader.readRecord()?.fields ?? []).map { $0.lowercased() }
        let shopify = header.contains("lineitem quantity") || header.contains("handle") || header.contains("url handle")
        return shopify ? .shopify : .generic
    }
}
