import Foundation
import Hummingbird

/// An error answered as JSON: `{"error": {"status": 400, "message": "…", "field": "…"}}`.
///
/// Messages are lower-case and concrete, say what was expected and carry no personal data, like every error in
/// Regulars (ARCHITECTURE.md, "Conventions").
public struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var message: String
    /// The request field at fault (`at`, `events[3].type`, `placement`), when one is.
    public var field: String?
    /// Per-item errors of a batch, when there are some.
    public var items: [ItemError]
    /// The `Allow` header of a 405.
    var allow: String?
    /// The `Retry-After` header of a 429, in whole seconds.
    var retryAfter: Int?

    /// One bad item of a batch.
    public struct ItemError: Sendable, Equatable, Codable {
        public var index: Int
        public var field: String
        public var message: String
    }

    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, items: [ItemError] = []) {
        self.status = status
        self.message = message
        self.field = field
        self.items = items
    }

    init(_ status: HTTPResponse.Status, _ message: String, allow: String) {
        self.init(status, message)
        self.allow = allow
    }

    static func badRequest(_ message: String, field: String? = nil) -> APIError {
        APIError(.badRequest, message, field: field)
    }

    struct Body: Encodable {
        struct Detail: Encodable {
            var status: Int
            var message: String
            var field: String?
        }
        var error: Detail
        var errors: [ItemError]?
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(
            error: .init(status: status.code, message: message, field: field), errors: items.isEmpty ? nil : items)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="regulars""# }
        if let allow { headers[.allow] = allow }
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(
            status: status, headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONCoding.encoder.encode(body))))
    }
}
