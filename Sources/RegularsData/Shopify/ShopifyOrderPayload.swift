import Foundation

/// The parts of a Shopify order webhook's body (`orders/create`, `orders/updated`, `orders/cancelled`: the REST
/// Admin API's order resource) that the orders export has too, turned into the same `ShopifyOrderFields`.
public struct ShopifyOrderPayload: Decodable, Sendable {
    struct Customer: Decodable, Sendable {
        var email: String?
        var firstName: String?
        var phone: String?
        enum CodingKeys: String, CodingKey {
            case email, phone
            case firstName = "first_name"
        }
    }
    struct Address: Decodable, Sendable {
        var name: String?
        var phone: String?
        var zip: String?
    }
    struct DiscountCode: Decodable, Sendable {
        var code: String?
    }
    public struct LineItem: Decodable, Sendable {
        var sku: String?
        var name: String?
        var title: String?
        var quantity: Int
        /// What is left of the line after edits and refunds (newer API versions); `quantity` is what was ordered.
        var currentQuantity: Int?
        var price: ShopifyAmount
        enum CodingKeys: String, CodingKey {
            case sku, name, title, quantity, price
            case currentQuantity = "current_quantity"
        }
    }

    var name: String
    var email: String?
    var contactEmail: String?
    var createdAt: String
    var cancelledAt: String?
    var financialStatus: String?
    var currency: String?
    var totalPrice: ShopifyAmount?
    var sourceName: String?
    var buyerAcceptsMarketing: Bool?
    var discountCodes: [DiscountCode]?
    var customer: Customer?
    var billingAddress: Address?
    var shippingAddress: Address?
    var phone: String?
    public var lineItems: [LineItem]

    enum CodingKeys: String, CodingKey {
        case name, email, currency, customer, phone
        case contactEmail = "contact_email"
        case createdAt = "created_at"
        case cancelledAt = "cancelled_at"
        case financialStatus = "financial_status"
        case totalPrice = "total_price"
        case sourceName = "source_name"
        case buyerAcceptsMarketing = "buyer_accepts_marketing"
        case discountCodes = "discount_codes"
        case billingAddress = "billing_address"
        case shippingAddress = "shipping_address"
        case lineItems = "line_items"
    }

    /// Reads a webhook's body; throws `ShopifyPayloadError` naming the field at fault.
    public static func decode(_ body: Data) throws -> ShopifyOrderPayload {
        try ShopifyPayloadError.decode(Self.self, from: body)
    }

    /// The order-level fields, as the export's first row of the order gives them.
    public func fields() throws -> ShopifyOrderFields {
        guard !name.isEmpty else { throw ShopifyPayloadError(field: "name", "is empty") }
        guard let time = Timestamp.parse(createdAt) else {
            throw ShopifyPayloadError(field: "created_at", "expected a date-time such as \(Timestamp.expected)")
        }
        var fields = ShopifyOrderFields(name: name, createdAt: time)
        fields.email = [email, contactEmail, customer?.email].compactMap { $0 }.first { !$0.isEmpty }
        fields.billingName = billingAddress?.name ?? customer?.firstName
        fields.phone = [phone, billingAddress?.phone, customer?.phone].compactMap { $0 }.first { !$0.isEmpty }
        fields.billingZip = billingAddress?.zip
        fields.shippingZip = shippingAddress?.zip
        fields.acceptsMarketing = buyerAcceptsMarketing
        fields.currency = currency
        fields.total = try totalPrice?.money(field: "total_price")
        fields.discountCode = discountCodes?.compactMap(\.code).first { !$0.isEmpty }
        fields.cancelled = cancelledAt != nil
        fields.financialStatus = financialStatus
        fields.source = sourceName
        return fields
    }

    /// The lines that were bought, in the order's order: a line edited down to nothing is no purchase.
    public func lines() throws -> [OrderIngestion.Line] {
        try lineItems.enumerated().compactMap { index, item in
            let quantity = item.currentQuantity ?? item.quantity
            guard quantity != 0 else { return nil }
            guard quantity > 0 else {
                throw ShopifyPayloadError(field: "line_items[\(index)].quantity", "expected a positive whole number")
            }
            let title = [item.name, item.title].compactMap { $0 }.first { !$0.isEmpty }
            guard let title else { throw ShopifyPayloadError(field: "line_items[\(index)].name", "missing") }
            return OrderIngestion.Line(
                sku: ShopifyOrderFields.sku(item.sku, name: title), name: title, quantity: quantity,
                unitPrice: try item.price.money(field: "line_items[\(index)].price"))
        }
    }
}
