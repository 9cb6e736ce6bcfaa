import Foundation
import Hummingbird
import RegularsData

/// Requires `Authorization: Bearer KEY` with a key of at least `scope`: no key or an unknown key is 401,
/// a public key on a secret route 403.
struct KeyMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let keys: KeyRing
    let scope: APIKeyScope

    /// The key of a well-formed `Authorization: Bearer KEY`, else `nil`.
    static func bearer(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response)
        async throws -> Response
    {
        guard request.headers[.authorization] != nil else {
            throw APIError(.unauthorized, "missing API key; send Authorization: Bearer <key>", field: "Authorization")
        }
        guard let key = Self.bearer(request) else {
            throw APIError(.unauthorized, "expected Authorization: Bearer <key>", field: "Authorization")
        }
        guard let record = try keys.record(forKey: key) else {
            throw APIError(.unauthorized, "unknown or revoked API key", field: "Authorization")
        }
        if scope == .secret && record.scope != .secret {
            throw APIError(
                .forbidden, "this route needs a secret key; public keys may only read recommendations and send events")
        }
        var context = context
        context.keyScope = record.scope
        context.keyHash = record.hash
        // The generated handlers see no request context: they read the key from the task.
        return try await PresentedKey.$current.withValue(
            PresentedKey(name: record.name, scope: record.scope, hash: record.hash)
        ) {
            try await next(request, context)
        }
    }
}

/// The key that authorised the request being handled, for the `APIProtocol` handlers.
struct PresentedKey: Sendable {
    @TaskLocal static var current: PresentedKey?

    /// The key's name: event ids are scoped by it.
    var name: String
    var scope: APIKeyScope
    var hash: [UInt8]
}
