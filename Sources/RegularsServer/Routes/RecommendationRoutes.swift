import Foundation
import Hummingbird
import RegularsData
import RegularsRecommend

/// `GET /v1/recommendations?placement=cart&customer=C-17&cart=SKU1,SKU2&n=8` (public or secret key).
struct RecommendationRoutes: Sendable {
    static let maximumItems = 50
    let services: AppServices

    func add(to group: RouterGroup<AppContext>) {
        group.get("recommendations", use: recommend)
    }

    @Sendable func recommend(_ request: Request, context: AppContext) async throws -> RecommendationsResponse {
        var query = try Self.query(from: request, asOf: services.asOf())
        query.fresh = request.headers[.cacheControl]?.contains("no-cache") == true
        // A public key sits in web pages: anyone can copy it. It personalizes only with the customer token the
        // shop's backend put on the page; otherwise the visitor is answered as anonymous.
        if context.keyScope != .secret, let customer = query.customer {
            let token = request.uri.queryParameters.get("customer_token").map { String($0) } ?? ""
            if !CustomerToken.isValid(token, customer: customer, key: services.customerTokenKey) { query.customer = nil }
        }
        return try await services.recommendations.recommend(query)
    }

    /// Reads and checks the query string; every mistake is a 400 naming the parameter.
    static func query(from request: Request, asOf: Date) throws -> RecommendationQuery {
        let parameters = request.uri.queryParameters
        func text(_ name: String) throws -> String? {
            guard let value = parameters.get(name), !value.isEmpty else { return nil }
            guard value.unicodeScalars.count <= 200 else {
                throw APIError.badRequest("longer than 200 characters", field: name)
            }
            return String(value)
        }
        func list(_ name: String) throws -> [String] {
            guard let value = parameters.get(name), !value.isEmpty else { return [] }
            let items = value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard items.count <= 100, items.allSatisfy({ $0.unicodeScalars.count <= 200 }) else {
                throw APIError.badRequest("at most 100 comma-separated SKUs of up to 200 characters", field: name)
            }
            return items
        }
        guard let placement = try text("placement") else {
            throw APIError.badRequest("missing placement; expected one of \(Placement.names)", field: "placement")
        }
        var limit = 8
        if let n = parameters.get("n") {
            guard let value = Int(n), (1...maximumItems).contains(value) else {
                throw APIError.badRequest("expected a whole number from 1 to \(maximumItems)", field: "n")
            }
            limit = value
        }
        return RecommendationQuery(
            placement: placement, customer: try text("customer"), product: try text("product"), cart: try list("cart"),
            session: try list("session"), source: try text("source"), limit: limit, asOf: asOf)
    }
}
