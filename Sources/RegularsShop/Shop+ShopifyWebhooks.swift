import Foundation
import RegularsData

/// The Shopify webhook topics Regulars takes (`POST /webhooks/shopify/{topic}`).
public enum ShopifyTopic: String, Sendable, CaseIterable {
    case ordersCreate = "orders/create"
    case ordersUpdated = "orders/updated"
    case ordersCancelled = "orders/cancelled"
    case productsCreate = "products/create"
    case productsUpdate = "products/update"
    case customersRedact = "customers/redact"
    case customersDataRequest = "customers/data_request"
    case shopRedact = "shop/redact"
}

/// The shop's connection to its Shopify store: which domain's webhooks it takes and the secret they are signed with.
/// Kept as store settings; the secret must be readable (it checks signatures), so it is never printed or logged.
public struct ShopifyConnection: Sendable, Hashable {
    public var domain: String
    public var webhookSecret: String

    public static let domainSetting = "shopify.domain"
    static let secretSetting = "shopify.webhookSecret"

    public init(domain: String, webhookSecret: String) {
        self.domain = domain.lowercased()
        self.webhookSecret = webhookSecret
    }
}

/// What processing a delivery did: words without personal details, and the erasure it made, for the server to
/// stop personalizing for them and retrain as after any erasure.
public struct WebhookOutcome: Sendable {
    public var summary: String
    public var erasure: ErasureReport?
    /// Orders or products changed: the models are behind the store.
    public var changedData: Bool
    /// The body named a customer who is erased now (a redaction, or their order sent after it): the store must
    /// keep no trace of it, in the write-ahead log either.
    public var namedErased: Bool

    init(_ summary: String, erasure: ErasureReport? = nil, changedData: Bool = false, namedErased: Bool = false) {
        self.summary = summary
        self.erasure = erasure
        self.changedData = changedData
        self.namedErased = namedErased || erasure != nil
    }
}

extension Shop {
    /// The Shopify store this shop takes webhooks from, if it was connected (`regulars shops update`).
    public func shopifyConnection() throws -> ShopifyConnection? {
        guard let domain = try store.setting(named: ShopifyConnection.domainSetting),
            let secret = try store.setting(named: ShopifyConnection.secretSetting)
        else { return nil }
        return ShopifyConnection(domain: domain, webhookSecret: secret)
    }

    public func connect(shopify connection: ShopifyConnection) throws {
        try store.set(setting: ShopifyConnection.domainSetting, to: connection.domain)
        try store.set(setting: ShopifyConnection.secretSetting, to: connection.webhookSecret)
    }

    /// Processes one stored delivery through the paths a file takes: an order through the export's mapping
    /// (`ShopifyOrderFields`) and `OrderIngestion`, products through `ShopifyProductMapping`, a redaction through
    /// `erase`. Throws when the body cannot be used.
    public func process(delivery: WebhookDelivery) throws -> WebhookOutcome {
        guard let topic = ShopifyTopic(rawValue: delivery.topic) else {
            throw ShopifyPayloadError(field: "topic", "not a topic Regulars takes")
        }
        guard let body = delivery.payload else { return WebhookOutcome("nothing to do: no body") }
        switch topic {
        case .ordersCreate, .ordersUpdated, .ordersCancelled:
            let (summary, erased) = try processOrder(body)
            return WebhookOutcome(summary, changedData: !erased, namedErased: erased)
        case .productsCreate, .productsUpdate:
            let products = try ShopifyProductPayload.decode(body).products()
            try store.write { writer in for product in products { try writer.upsert(product: product) } }
            return WebhookOutcome(
                "\(products.count) product\(products.count == 1 ? "" : "s") stored", changedData: true)
        case .customersRedact:
            guard let email = try ShopifyCustomerRequest.decode(body).email else {
                return WebhookOutcome(
                    "nothing erased: the request names no e-mail, and Regulars keys Shopify customers by it")
            }
            let receipt = try erase(customer: email)
            return WebhookOutcome(
                "erased: \(receipt.store.ordersRemoved) orders, \(receipt.store.eventsRemoved) events, "
                    + "\(receipt.cleaned.count) files cleaned", erasure: receipt.store)
        case .customersDataRequest:
            guard let email = try ShopifyCustomerRequest.decode(body).email else {
                return WebhookOutcome("nothing written: the request names no e-mail")
            }
            let url = try writeDataRequest(for: email, name: delivery.id)
            return WebhookOutcome("the customer's data is in \(url.path)")
        case .shopRedact:
            // This install holds one shop: deleting it is deleting the store, which a webhook should not do
            // unseen. Parked with the instruction, for the owner to act on.
            throw ShopifyPayloadError(
                field: "topic",
                "shop/redact asks to delete every record of the shop; this install holds one shop, so delete its "
                    + "store file and the folders beside it")
        }
    }

    /// What processing an order did, and whether it named an erased customer.
    private func processOrder(_ body: Data) throws -> (String, Bool) {
        let payload = try ShopifyOrderPayload.decode(body)
        let fields = try payload.fields()
        if let exclusion = fields.exclusion {
            let removed = try store.write { try $0.removeOrder(fields.name) }
            return (removed ? "\(exclusion) order removed" : "\(exclusion) order: nothing was stored", false)
        }
        let lines = try payload.lines()
        // Every line edited down to nothing: no purchase is left.
        if lines.isEmpty {
            let removed = try store.write { try $0.removeOrder(fields.name) }
            return (removed ? "order removed: no line left" : "order with no line left: nothing stored", false)
        }
        let customer = fields.customer
        let stored = try store.write { writer in
            try OrderIngestion.write(
                fields.order(customerID: customer.id), lines: lines, explicitTotal: fields.total != nil,
                customer: customer.record, to: writer)
        }
        return stored
            ? ("order stored, \(lines.count) line\(lines.count == 1 ? "" : "s")", false)
            : ("skipped: customer erased", true)
    }
}
