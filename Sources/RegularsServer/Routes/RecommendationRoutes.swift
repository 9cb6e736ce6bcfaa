import Foundation
import HTTPTypes
import Hummingbird
import RegularsData
import RegularsRecommend

/// `GET /v1/recommendations?placement=cart&customer=C-17&cart=SKU1,SKU2&n=8` (public or secret key).
///
/// openapi.yaml documents it like every operation, but it is served by hand, as `/metrics` is: it is the route
/// a storefront calls on every page view, and the generated code spent two fifths of a cached answer parsing the
/// query string once per optional parameter and encoding the answer through `JSONEncoder`. Here the query is
/// read once (`QueryString`) and the answer written straight to bytes (`RecommendationsResponse.json()`).
struct RecommendationRoutes: Sendable {
    static let maximumItems = 50
    static let globalPrivacyControl = HTTPField.Name("Sec-GPC")!
    /// The query parameters, as openapi.yaml lists them (a test holds the two together). The route reads its
    /// query only through these, so it cannot read a parameter the list (and so the document) lacks.
    enum Parameter: String, CaseIterable {
        case placement, customer, product, cart, session, source, n, topic
        case sessionID = "session_id", customerToken = "customer_token", excludeOwned = "exclude_owned"
        case pageType = "page_type"
    }
    let services: AppServices

    /// Registers the route on `group`: the public key's, which takes a secret key too (see `KeyMiddleware`).
    func add(to group: RouterGroup<AppContext>) {
        group.get("v1/recommendations", use: respond)
    }

    @Sendable func respond(_ request: Request, context: AppContext) async throws -> Response {
        let answer = try await recommend(QueryString(request.uri.query?[...]), headers: request.headers)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: answer.json()))
    }

    func recommend(_ parameters: QueryString, headers: HTTPFields) async throws -> RecommendationsResponse {
        var query = try Self.query(from: parameters, asOf: services.asOf())
        query.fresh = headers[.cacheControl]?.contains("no-cache") == true
        // A public key sits in web pages: anyone can copy it. It personalizes only with the customer token the
        // shop's backend put on the page; otherwise the visitor is answered as anonymous.
        query.customer = try Self.vouched(
            query.customer, token: parameters[Parameter.customerToken.rawValue], services: services)
        // A browser's Global Privacy Control: nothing personal for this visitor, neither who they are nor what
        // they looked at; the page's own context (product, cart) still shapes the list.
        if headers[Self.globalPrivacyControl]?.trimmingCharacters(in: .whitespaces) == "1" {
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

    /// Reads the query string as openapi.yaml describes it; every mistake is a 400 naming the parameter.
    /// Parameters it does not know are ignored, and one given twice is read as its first.
    static func query(from parameters: QueryString, asOf: Date) throws -> RecommendationQuery {
        func given(_ parameter: Parameter) -> String? { parameters[parameter.rawValue] }
        func text(_ parameter: Parameter) throws -> String? { try Self.text(given(parameter), parameter.rawValue) }
        func list(_ parameter: Parameter) throws -> [String] { try Self.list(given(parameter), parameter.rawValue) }
        guard let placement = given(.placement) else {
            throw APIError.badRequest("missing; expected one of \(Placement.names)", field: "placement")
        }
        guard Placement(rawValue: placement) != nil else {
            throw APIError.badRequest(
                "unknown placement '\(placement.prefix(40))'; expected one of \(Placement.names)", field: "placement")
        }
        var limit = 8
        if let value = given(.n) {
            guard let number = Int(value), (1...maximumItems).contains(number) else {
                throw APIError.badRequest("expected a whole number from 1 to \(maximumItems)", field: "n")
            }
            limit = number
        }
        var excludeOwned = false
        if let value = given(.excludeOwned) {
            guard let flag = Bool(value) else {
                throw APIError.badRequest("expected true or false", field: "exclude_owned")
            }
            excludeOwned = flag
        }
        var pageType: PageType?
        if let value = given(.pageType) {
            guard let type = PageType(rawValue: value) else {
                throw APIError.badRequest(
                    "unknown page type '\(value.prefix(40))'; expected one of "
                        + PageType.allCases.map(\.rawValue).joined(separator: ", "), field: "page_type")
            }
            pageType = type
        }
        return RecommendationQuery(
            placement: placement, customer: try text(.customer), product: try text(.product), cart: try list(.cart),
            session: try list(.session), source: try text(.source), limit: limit, excludeOwned: excludeOwned,
            pageType: pageType, topic: try text(.topic), asOf: asOf, sessionID: try text(.sessionID))
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
}
