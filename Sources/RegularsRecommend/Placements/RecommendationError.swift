import Foundation
import RegularsData

/// A request names something the trained models do not know.
///
/// Messages quote SKUs but never a customer id (ids are often e-mail addresses).
public struct RecommendationError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// No customer with the id in the snapshot the models were trained on.
        case unknownCustomer
        /// A SKU (viewed product, cart or session) that is not in the catalog.
        case unknownProduct(SKU)
    }

    public var code: Code
    /// Where the unknown value came from: `customer`, `product`, `cart` or `session`.
    public var field: String

    public init(code: Code, field: String) {
        self.code = code
        self.field = field
    }

    public var description: String {
        switch code {
        case .unknownCustomer:
            "unknown customer: no customer with this id in the trained models; "
                + "new customers appear after the next `regulars train`"
        case .unknownProduct(let sku):
            "\(field): unknown SKU \"\(sku)\"; expected a SKU of the catalog the models were trained on"
        }
    }
}
