import Foundation
import Hummingbird
import RegularsData

/// Sends each request of a server of several shops to its shop's routes (`regulars serve --all-shops`):
/// - `/shops/NAME/…` goes to the shop NAME with the prefix taken off (the dashboard, the preference page, and any
///   route a client prefers to name the shop on); the shop's own key check still applies, so a key of another
///   shop is refused there as unknown;
/// - Shopify's webhooks go to the shop connected to their `X-Shopify-Shop-Domain`;
/// - a request with an API key goes to the shop of that key: the widget and a shop's backend need no prefix;
/// - what belongs to no shop (`/health`, `/openapi.json`, `/widget.js`, CORS preflights) goes to any shop, all
///   answering it alike; `/metrics` counts every shop, so it answers this machine only (or anyone, with
///   `--open-metrics`), never a shop's key.
/// An unknown key is refused exactly as by a server of one shop: whether a key exists in another shop is never
/// told.
struct ShopDispatcher: HTTPResponder {
    typealias Context = AppContext
    let directory: ShopDirectory
    let openMetrics: Bool

    static let prefix = "/shops/"
    private static let shared: Set<String> = ["/health", "/openapi.json", "/widget.js"]

    func respond(to request: Request, context: AppContext) async throws -> Response {
        do {
            return try await route(request, context: context)
        } catch let error as APIError {
            // A shop's router renders its own errors; these are the dispatcher's.
            return try error.response(from: request, context: context)
        }
    }

    private func route(_ request: Request, context: AppContext) async throws -> Response {
        let path = request.uri.path
        if path.hasPrefix(Self.prefix) {
            let rest = path.dropFirst(Self.prefix.count)
            let name = String(rest.prefix { $0 != "/" })
            guard let shop = await directory.shop(named: name) else {
                throw APIError(.notFound, "no shop named '\(name.prefix(60))' on this server", field: "path")
            }
            return try await shop.responder.respond(
                to: Self.request(request, path: String(rest.dropFirst(name.count))), context: context)
        }
        if path.hasPrefix("/webhooks/shopify/") {
            guard let domain = ShopifyWebhookRoutes.header(request, "Shopify-Shop-Domain"),
                let shop = await directory.shop(forDomain: domain)
            else { throw APIError(.unauthorized, "the webhook's signature or shop domain does not match this shop") }
            return try await shop.responder.respond(to: request, context: context)
        }
        if path == "/metrics" {
            guard openMetrics || context.isLoopback else {
                throw APIError(.unauthorized, "/metrics of a server of several shops answers this machine only")
            }
            return try await anyShop().responder.respond(to: Self.request(request, withoutKey: true), context: context)
        }
        if let key = KeyMiddleware.bearer(request) {
            if let shop = await directory.shop(forKey: key) {
                return try await shop.responder.respond(to: request, context: context)
            }
            // What needs no key answers with any key, as on a server of one shop.
            guard Self.shared.contains(path) else {
                throw APIError(.unauthorized, "unknown or revoked API key", field: "Authorization")
            }
        }
        let names = directory.shopNames
        if names.count == 1, let only = await directory.shop(named: names[0]) {
            return try await only.responder.respond(to: request, context: context)
        }
        if Self.shared.contains(path) || request.method == .options {
            return try await anyShop().responder.respond(to: request, context: context)
        }
        if request.headers[.authorization] != nil {
            throw APIError(.unauthorized, "expected Authorization: Bearer <key>", field: "Authorization")
        }
        throw APIError(
            .notFound,
            "this server serves several shops: send the shop's API key (Authorization: Bearer), or put "
                + "/shops/NAME before the path")
    }

    /// The first shop by name (what belongs to no shop is answered alike by all).
    private func anyShop() async throws -> ShopServer {
        if directory.shopNames.isEmpty { await directory.lookAgain(ifOlderThan: .seconds(1)) }
        guard let first = directory.shopNames.first, let shop = await directory.shop(named: first) else {
            throw APIError(.serviceUnavailable, "this install has no shop yet: `regulars shops create NAME`")
        }
        return shop
    }

    /// The request with another path (the query kept), or without its `Authorization` header.
    static func request(_ request: Request, path: String? = nil, withoutKey: Bool = false) -> Request {
        var head = request.head
        if let path {
            let query = request.uri.query.map { "?" + $0 } ?? ""
            head.path = (path.isEmpty ? "/" : path) + query
        }
        if withoutKey { head.headerFields[.authorization] = nil }
        return Request(head: head, body: request.body)
    }
}
