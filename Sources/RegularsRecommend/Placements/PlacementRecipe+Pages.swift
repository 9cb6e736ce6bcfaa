import Foundation

extension PlacementRecipe {
    /// The built-in recipe of a storefront placement on a page of this kind; `nil` keeps the placement's own.
    ///
    /// A product page leans on what goes with the product and on what other customers buy from its category;
    /// editorial, search and collection pages on products that match their topic, not on the customer's last
    /// order (an article about autumn candles is not the place for a restock of coffee).
    public static func `default`(forPage page: PageType) -> PlacementRecipe? {
        switch page {
        case .product:
            PlacementRecipe([
                .init(.productComplements, 1), .init(.productCategoryBestsellers, 0.9), .init(.productSimilar, 0.8),
                .init(.personal, 0.4), .init(.popular, 0.2),
            ])
        case .editorial:
            PlacementRecipe([.init(.topic, 1), .init(.sessionSimilar, 0.5), .init(.trending, 0.3)])
        case .search:
            PlacementRecipe([.init(.topic, 1), .init(.personal, 0.5), .init(.popular, 0.3)])
        case .collection:
            PlacementRecipe([.init(.topic, 1), .init(.personal, 0.6), .init(.trending, 0.4)])
        case .cart: nil
        }
    }
}
