import RegularsData

/// What the rules read of a product for every candidate, as one array per field: reading `products[p].field`
/// copied the whole catalog entry (its strings retained and released) each time, 2–3 % of a request's profile.
struct CatalogColumns: Sendable {
    /// Why the catalog alone keeps the product out (out of stock, not active, not in the catalog), or `nil`.
    let exclusion: [String?]
    let category: [Int32]
    /// The price as a decimal number, when known.
    let price: [Double?]
    /// (price − cost) / price, when both are known and the price is positive.
    let margin: [Double?]

    init(_ products: [SnapshotProduct], hasCatalog: Bool) {
        exclusion = products.map { item in
            if let inventory = item.inventory, inventory <= 0 { return "out of stock" }
            if let status = item.status?.lowercased(), status == "draft" || status == "archived" {
                return "not active (\(status))"
            }
            return item.isOfferable(shopHasCatalog: hasCatalog) ? nil : "not in the product catalog"
        }
        category = products.map(\.category)
        price = products.map { $0.price?.doubleValue }
        margin = products.map { item in
            guard let price = item.price, let cost = item.cost, price.units > 0 else { return nil }
            return (price.doubleValue - cost.doubleValue) / price.doubleValue
        }
    }
}
