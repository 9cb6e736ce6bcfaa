import Foundation
import RegularsData

/// Streaming changes instead of re-importing: `PUT /v1/products/{sku}`, `PUT /v1/customers/{id}`,
/// `POST /v1/orders`. Every call is an upsert: repeating it changes nothing.
///
/// A customer who was erased is refused with 409, never silently recreated: the shop's system should
/// stop sending them, and a 409 says so.
struct UpsertRoutes: Sendable {
    let services: AppServices

    // The payloads stand in for the types openapi.yaml would generate (see openapi-generator-config.yaml):
    // their decoders take amounts as numbers or strings and dates as `Timestamp.parse` does.

    struct ProductPayload: Codable, Hashable, Sendable {
        var title: String
        var handle: String?
        var description: String?
        var vendor: String?
        var category: String?
        var tags: [String]?
        var price: MoneyValue?
        var compareAtPrice: MoneyValue?
        var cost: MoneyValue?
        var inventory: Int?
        var status: String?
        var createdAt: DateValue?
        var sensitive: Bool?

        enum CodingKeys: String, CodingKey {
            case title, handle, description, vendor, category, tags, price, cost, inventory, status, sensitive
            case compareAtPrice = "compare_at_price"
            case createdAt = "created_at"
        }
    }

    func putProduct(sku: String, _ body: ProductPayload) async throws -> Components.Schemas.Stored {
        try TextLimits.check(sku, field: "sku")
        let title = body.title
        guard !title.isEmpty else { throw APIError.badRequest("title is empty", field: "title") }
        if let inventory = body.inventory, abs(inventory) > 1_000_000_000 {
            throw APIError.badRequest("expected an inventory from -1000000000 to 1000000000", field: "inventory")
        }
        if let status = body.status, !["active", "draft", "archived"].contains(status) {
            throw APIError.badRequest(
                "unknown status '\(status.prefix(40))'; expected active, draft or archived", field: "status")
        }
        let product = Product(
            sku: sku, title: title, handle: body.handle, description: body.description, vendor: body.vendor,
            category: body.category, tags: body.tags ?? [], price: body.price?.money,
            compareAtPrice: body.compareAtPrice?.money, cost: body.cost?.money, inventory: body.inventory,
            status: body.status, createdAt: body.createdAt?.date, sensitive: body.sensitive ?? false)
        try services.store.write { writer in try writer.upsert(product: product) }
        await services.insights.invalidate()
        return .init(kind: .product, id: sku)
    }

    struct CustomerPayload: Codable, Hashable, Sendable {
        var email: String?
        var firstName: String?
        var acceptsMarketing: Bool?
        var createdAt: DateValue?

        enum CodingKeys: String, CodingKey {
            case email
            case firstName = "first_name"
            case acceptsMarketing = "accepts_marketing"
            case createdAt = "created_at"
        }
    }

    func putCustomer(id: String, _ body: CustomerPayload) async throws -> Components.Schemas.Stored {
        try TextLimits.check(id, field: "id")
        if let email = body.email, !email.isEmpty, !email.contains("@") {
            throw APIError.badRequest("not an e-mail address", field: "email")
        }
        let customer = Customer(
            id: id, email: body.email.flatMap { $0.isEmpty ? nil : $0 }, firstName: body.firstName,
            acceptsMarketing: body.acceptsMarketing ?? false, createdAt: body.createdAt?.date)
        try services.store.write { writer in
            guard try !writer.isSuppressed(customerID: id, email: customer.email) else { throw Self.erased }
            try writer.upsert(customer: customer)
        }
        await services.insights.invalidate()
        return .init(kind: .customer, id: id)
    }

    struct OrderPayload: Codable, Hashable, Sendable {
        struct Line: Codable, Hashable, Sendable {
            var sku: String
            var title: String?
            var quantity: Int
            var unitPrice: MoneyValue

            enum CodingKeys: String, CodingKey {
                case sku, title, quantity
                case unitPrice = "unit_price"
            }
        }
        var id: String
        var customerID: String
        var createdAt: DateValue
        var currency: String?
        var total: MoneyValue?
        var discountCode: String?
        var source: String?
        var lines: [Line]

        enum CodingKeys: String, CodingKey {
            case id, currency, total, source, lines
            case customerID = "customer_id"
            case createdAt = "created_at"
            case discountCode = "discount_code"
        }
    }

    func postOrder(_ body: OrderPayload) async throws -> Components.Schemas.Stored {
        let id = body.id
        let customer = body.customerID
        try TextLimits.check(id, field: "id")
        try TextLimits.check(customer, field: "customer_id")
        guard !body.lines.isEmpty else { throw APIError.badRequest("an order needs at least one line", field: "lines") }
        guard body.lines.count <= 500 else {
            throw APIError.badRequest("at most 500 lines per order", field: "lines")
        }
        var lines: [OrderIngestion.Line] = []
        for (index, line) in body.lines.enumerated() {
            let sku = line.sku
            try TextLimits.check(sku, field: "lines[\(index)].sku")
            guard line.quantity > 0, line.quantity <= 10_000 else {
                throw APIError.badRequest("expected a quantity from 1 to 10000", field: "lines[\(index)].quantity")
            }
            lines.append(
                .init(sku: sku, name: line.title ?? sku, quantity: line.quantity, unitPrice: line.unitPrice.money))
        }
        let total = try body.total?.money ?? Self.sum(lines)
        let order = Order(
            id: id, customerID: customer, createdAt: body.createdAt.date, currency: body.currency, total: total,
            discountCode: body.discountCode, source: body.source ?? "api")
        try services.store.write { writer in
            guard try OrderIngestion.write(order, lines: lines, explicitTotal: true, to: writer) else {
                throw Self.erased
            }
        }
        await services.insights.invalidate()
        return .init(kind: .order, id: id, lines: lines.count)
    }

    /// The lines' total, refusing amounts past what `Money` holds instead of overflowing.
    static func sum(_ lines: [OrderIngestion.Line]) throws -> Money {
        var units: Int64 = 0
        for line in lines {
            let (product, overflow) = line.unitPrice.units.multipliedReportingOverflow(by: Int64(line.quantity))
            let (sum, overflow2) = units.addingReportingOverflow(product)
            guard !overflow, !overflow2 else {
                throw APIError.badRequest("the order total is too large", field: "lines")
            }
            units = sum
        }
        return Money(units: units)
    }

    static let erased = APIError(
        .conflict, "this customer was erased and cannot be added again; stop sending their data")
}
