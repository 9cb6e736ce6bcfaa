import Foundation
import RegularsData
import RegularsRecommend

/// `GET /v1/recommendations?placement=cart&customer=C-17&cart=SKU1,SKU2&n=8` (public or secret key).
struct RecommendationRoutes: Sendable {
    static let maximumItems = 50
    let services: AppServices

    func recommend(_ input: Operations.Recommend.Input) async throws -> RecommendationsResponse {
        var query = try Self.query(from: input.query, asOf: services.asOf())
        query.fresh = input.headers.cacheControl?.contains("no-cache") == true
        // A public key sits in web pages: anyone can copy it. It personalizes only with the customer token the
        // shop's backend put on the page; otherwise the visitor is answered as anonymous.
        query.customer = try Self.vouched(query.customer, token: input.query.customerToken, services: services)
        // A browser's Global Privacy Control: nothing personal for this visitor, neither who they are nor what
        // they looked at; the page's own context (product, cart) still shapes the list.
        if input.headers.secGPC?.trimmingCharacters(in: .whitespaces) == "1" {
            query.customer = nil
            query.session = []
            query.sessionID = nil
        }
        // The permanent holdout gets what an anonymous visitor gets, in every placement.
        if services.experiments.isHeldOut(query.customer, at: services.now()) { query.customer = nil }
        query.assignment = services.experiments.assign(
            placement: query.placement, customer: query.customer, session: query.sessionID, at: services.now())
        return try await services.recommendations.recommend(query)
    }

    /// Checks the query string past what the generated code reads (its types, the placement's enum);
    /// every mistake is a 400 naming the parameter.
    static func query(from parameters: Operations.Recommend.Input.Query, asOf: Date) throws -> RecommendationQuery {
        var limit = 8
        if let value = parameters.n {
            guard (1...maximumItems).contains(value) else {
                throw APIError.badRequest("expected a whole number from 1 to \(maximumItems)", field: "n")
            }
            limit = value
        }
        return RecommendationQuery(
            placement: parameters.placement.rawValue, customer: try text(parameters.customer, "customer"),
            product: try text(parameters.product, "product"), cart: try list(parameters.cart, "cart"),
            session: try list(parameters.session, "session"), source: try text(parameters.source, "source"),
            limit: limit, excludeOwned: parameters.excludeOwned ?? false,
            pageType: parameters.pageType.flatMap { PageType(rawValue: $0.rawValue) },
            topic: try text(parameters.topic, "topic"), asOf: asOf,
            sessionID: try text(parameters.sessionId, "session_id"))
    }

    /// A query parameter of at most 200 characters; `nil` when absent or empty.
    static func text(_ value: String?, _ name: String) throws -> String? {
        guard let value, !value.isEmpty else { return nil }
        guard value.unicodeScalars.count <= 200 else {
            throw APIError.badRequest("longer than 200 characters", field: name)
        }
        return String(value)
    }

    /// A comma-separated list of at most 100 SKUs of up to 200 characters.
    static func list(_ value: String?, _ name: String) throws -> [String] {
        guard let value, !value.isEmpty else { return [] }
        let items = value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard items.count <= 100, items.allSatisfy({ $0.unicodeScalars.count <= 200 }) else {
            throw APIError.badRequest("at most 100 comma-separated SKUs of up to 200 characters", field: name)
        }
        return items
    }

    /// The customer a request may personalize for: with a public key, only one whose `customer_token` the
    /// shop's backend signed; `nil` otherwise (the visitor is answered as anonymous).
    static func vouched(_ customer: CustomerID?, token: String?, services: AppServices) throws -> CustomerID? {
        if let token, token.unicodeScalars.count > 200 {
            throw APIError.badRequest("longer than 200 characters", field: "customer_token")
        }
        guard let customer, PresentedKey.current?.scope != .secret else { return customer }
        let key = try services.keys.customerTokenKey()
        return CustomerToken.isValid(token ?? "", customer: customer, key: key, now: services.now()) ? customer : nil
    }

    /// The 400 for a query the generated code could not read: its decoder says what failed to convert but
    /// not which parameter, so the typed ones are checked again here to name it.
    static func unreadableQuery(_ path: String?) -> APIError {
        let items = URLComponents(string: path ?? "")?.queryItems ?? []
        func value(_ name: String) -> String? { items.first { $0.name == name }?.value }
        typealias Placements = Operations.Recommend.Input.Query.PlacementPayload
        if let placement = value("placement"), Placements(rawValue: placement) == nil {
            return APIError.badRequest(
                "unknown placement '\(placement.prefix(40))'; expected one of \(Placement.names)", field: "placement")
        }
        if let page = value("page_type"), PageType(rawValue: page) == nil {
            return APIError.badRequest(
                "unknown page type '\(page.prefix(40))'; expected one of "
                    + PageType.allCases.map(\.rawValue).joined(separator: ", "), field: "page_type")
        }
        return APIError.badRequest("expected a whole number from 1 to \(maximumItems)", field: "n")
    }
}
