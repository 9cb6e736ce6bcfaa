import Foundation
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

/// Where the generated `registerHandlers(on:)` puts each operation: behind the `KeyMiddleware` its
/// `security` in openapi.yaml asks for, so the document is also the list of who may call what.
///
/// It also reads the request body first, up to `AppContext.maxBodyBytes`: the generated code would read
/// any length, and an empty body is named as such rather than as malformed JSON.
struct ScopedTransport: ServerTransport {
    let document: APIDocument
    let open: RouterGroup<AppContext>
    let publicKey: RouterGroup<AppContext>
    let secretKey: RouterGroup<AppContext>

    typealias Handler =
        @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (
            HTTPResponse, HTTPBody?
        )

    func register(_ handler: @escaping Handler, method: HTTPRequest.Method, path: String) throws {
        // An operation the document does not list cannot be generated; if it were, it would need a secret key.
        let operation = document.operations[path]?[method] ?? .init(scope: .secret, takesBody: true)
        let group =
            switch operation.scope {
            case nil: open
            case .public: publicKey
            case .secret: secretKey
            }
        group.register(
            { request, body, metadata in
                // Every answer is JSON whatever `Accept` says, as before: the generated code would check it only
                // after the handler ran, and answer 406 to a batch of events it had already stored.
                var request = request
                request.headerFields[.accept] = nil
                return try await handler(request, try await Self.collect(body, required: operation.takesBody), metadata)
            }, method: method, path: path)
    }

    static func collect(_ body: HTTPBody?, required: Bool) async throws -> HTTPBody? {
        guard let body else { return nil }
        var bytes: [UInt8] = []
        for try await chunk in body {
            guard bytes.count + chunk.count <= AppContext.maxBodyBytes else {
                throw APIError(.contentTooLarge, ErrorMiddleware<AppContext>.message(for: .contentTooLarge))
            }
            bytes += chunk
        }
        if required && bytes.isEmpty { throw APIError.badRequest("request body is empty; expected JSON") }
        return HTTPBody(bytes)
    }
}
