import Crypto
import Foundation
import Hummingbird
import RegularsData
import RegularsShop

/// `POST /webhooks/shopify/{topic}`: Shopify's webhooks, checked, stored and answered at once; the
/// `WebhookProcessor` does the work after.
///
/// Nothing of the body is read before its signature is checked: `X-Shopify-Hmac-Sha256` must be the base64
/// HMAC-SHA256 of the raw body under the shop's webhook secret (compared in constant time), from the domain the
/// shop was connected to, else 401. A delivery id seen before (Shopify retries for hours) is answered 200 and
/// changes nothing. Shopify's newer deliveries drop the `X-` prefix of these headers: both spellings are taken.
struct ShopifyWebhookRoutes: Sendable {
    /// Shopify's largest bodies (an order with hundreds of lines) stay far below this.
    static let maximumBody = 4 * 1024 * 1024

    let services: AppServices
    let processor: WebhookProcessor

    func add(to router: Router<AppContext>) {
        router.post("webhooks/shopify/:resource/:event", use: receive)
    }

    @Sendable func receive(_ request: Request, context: AppContext) async throws -> Response {
        let topic = "\(context.parameters.get("resource") ?? "")/\(context.parameters.get("event") ?? "")"
        do {
            return try await receive(request, topic: topic)
        } catch let error as APIError {
            services.metrics.webhook(topic: topic, result: "refused")
            throw error
        }
    }

    private func receive(_ request: Request, topic: String) async throws -> Response {
        let refused = APIError(.unauthorized, "the webhook's signature or shop domain does not match this shop")
        guard let connection = try services.shop.shopifyConnection() else {
            throw APIError(
                .unauthorized, "this shop takes no Shopify webhooks: connect it with `regulars shops update`")
        }
        guard let domain = Self.header(request, "Shopify-Shop-Domain"), domain.lowercased() == connection.domain,
            let signature = Self.header(request, "Shopify-Hmac-Sha256").flatMap({ Data(base64Encoded: $0) })
        else { throw refused }
        var request = request
        let body = Data(try await request.collectBody(upTo: Self.maximumBody).readableBytesView)
        guard
            HMAC<SHA256>.isValidAuthenticationCode(
                signature, authenticating: body, using: SymmetricKey(data: Data(connection.webhookSecret.utf8)))
        else { throw refused }

        guard ShopifyTopic(rawValue: topic) != nil else {
            throw APIError(
                .notFound,
                "not a topic Regulars takes; expected one of "
                    + ShopifyTopic.allCases.map(\.rawValue).joined(separator: ", "), field: "topic")
        }
        guard let id = Self.header(request, "Shopify-Webhook-Id"), !id.isEmpty, id.unicodeScalars.count <= 200 else {
            throw APIError.badRequest("missing X-Shopify-Webhook-Id", field: "X-Shopify-Webhook-Id")
        }
        let isNew = try services.store.record(
            delivery: WebhookDelivery(
                id: id, topic: topic, receivedAt: Int64(services.now().timeIntervalSince1970), payload: body))
        if isNew { processor.notify() }
        services.metrics.webhook(topic: topic, result: isNew ? "received" : "duplicate")
        return try Self.json(["received": true, "duplicate": !isNew])
    }

    /// A header by its current name or with the `X-` prefix Shopify used to send.
    static func header(_ request: Request, _ name: String) -> String? {
        let spellings = Set(["x-" + name.lowercased(), name.lowercased()])
        return request.headers.first { spellings.contains($0.name.canonicalName) }?.value
    }

    static func json(_ value: [String: Bool]) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
