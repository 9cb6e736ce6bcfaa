import Foundation

/// A Shopify product webhook's body (`products/create`, `products/update`: the REST Admin API's product
/// resource), turned into one store product per variant by the same rules as the products export.
public struct ShopifyProductPayload: Decodable, Sendable {
    struct Variant: Decodable, Sendable {
        var sku: String?
        var price: ShopifyAmount?
        var compareAtPrice: ShopifyAmount?
        var inventoryQuantity: Int?
        var option1: String?
        var option2: String?
        var option3: String?
        enum CodingKeys: String, CodingKey {
            case sku, price, option1, option2, option3
            case compareAtPrice = "compare_at_price"
            case inventoryQuantity = "inventory_quantity"
        }
    }

    var title: String
    var handle: String
    var bodyHTML: String?
    var vendor: String?
    var productType: String?
    var tags: String?
    var status: String?
    var createdAt: String?
    var variants: [Variant]?

    enum CodingKeys: String, CodingKey {
        case title, handle, vendor, tags, status, variants
        case bodyHTML = "body_html"
        case productType = "product_type"
        case createdAt = "created_at"
    }

    public static func decode(_ body: Data) throws -> ShopifyProductPayload {
        try ShopifyPayloadError.decode(Self.self, from: body)
    }

    /// One product per variant (a product without variants is one product keyed by its handle).
    public func products() throws -> [Product] {
        guard !handle.isEmpty else { throw ShopifyPayloadError(field: "handle", "is empty") }
        guard !title.isEmpty else { throw ShopifyPayloadError(field: "title", "is empty") }
        let tagList = ShopifyProductMapping.tags(tags)
        let base = Product(
            sku: handle, title: title, handle: handle, description: bodyHTML.map(HTMLText.plain), vendor: vendor,
            category: ShopifyProductMapping.category(type: productType, taxonomy: nil), tags: tagList,
            status: status?.lowercased() ?? "active",
            createdAt: createdAt.flatMap(Timestamp.parse).map { Date(timeIntervalSince1970: TimeInterval($0)) },
            sensitive: ShopifyProductMapping.isSensitive(tags: tagList))
        guard let variants, !variants.isEmpty else { return [base] }
        return try variants.enumerated().map { index, variant in
            var product = base
            let options = ShopifyProductMapping.options([variant.option1, variant.option2, variant.option3])
            product.sku = ShopifyProductMapping.variantSKU(variant.sku, handle: handle, options: options)
            product.title = ShopifyProductMapping.variantTitle(title, options: options)
            product.price = try variant.price?.money(field: "variants[\(index)].price")
            product.compareAtPrice = try variant.compareAtPrice?.money(field: "variants[\(index)].compare_at_price")
            product.inventory = variant.inventoryQuantity
            return product
        }
    }
}

/// The body of `customers/redact` and `customers/data_request`: whom the shop was asked about.
public struct ShopifyCustomerRequest: Decodable, Sendable {
    struct Customer: Decodable, Sendable {
        var email: String?
    }
    var customer: Customer?

    public static func decode(_ body: Data) throws -> ShopifyCustomerRequest {
        try ShopifyPayloadError.decode(Self.self, from: body)
    }

    /// The customer's e-mail: Regulars keys a Shopify customer by it (`StableID.customer`).
    public var email: String? { customer?.email.flatMap { $0.isEmpty ? nil : $0 } }
}
