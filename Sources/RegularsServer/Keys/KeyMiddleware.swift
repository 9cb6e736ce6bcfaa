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
        let parts = header.utf8.split(separator: UInt8(ascii: " "), maxSplits: 1)
        // Read byte by byte rather than through Foundation's trimming and lower-casing: every request with a key
        // comes through here, and those were 3 % of a cached recommendation.
        guard parts.count == 2, parts[0].elementsEqual("bearer".utf8, by: { $0 | 0x20 == $1 }) else { return nil }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = parts[1].firstIndex(where: { !isBlank($0) }),
            let last = parts[1].lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(Substring(parts[1][first...last]))
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
