import Foundation
import Hummingbird
import RegularsData

/// Limits what a public key can ask for: it sits in every storefront page, so anyone can copy it. Requests
/// over the limit of the key (all visitors together) or of one client address get `429 Too Many Requests`
/// with `Retry-After`. Runs after `KeyMiddleware`; secret keys (the shop's own backend) pass untouched.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let perKey: RateLimiter?
    let perAddress: RateLimiter?

    init(keyRate: RateLimit?, addressRate: RateLimit?) {
        perKey = keyRate.flatMap { $0.perSecond > 0 ? RateLimiter(rate: $0) : nil }
        perAddress = addressRate.flatMap { $0.perSecond > 0 ? RateLimiter(rate: $0) : nil }
    }

    /// This server's part of both limits (see `ServerPresence`).
    func setShare(_ fraction: Double) {
        perKey?.setShare(fraction)
        perAddress?.setShare(fraction)
    }

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response)
        async throws -> Response
    {
        guard context.keyScope == .public else { return try await next(request, context) }
        let now = ContinuousClock.now
        // Inside `KeyMiddleware`'s scope: the presented key is known by its (unique) name.
        if let perKey, let name = PresentedKey.current?.name, let wait = perKey.take(name, now: now) {
            throw Self.tooMany(wait, "this public key's limit")
        }
        if let perAddress, let address = context.clientAddress, let wait = perAddress.take(address, now: now) {
            throw Self.tooMany(wait, "the limit for one client address")
        }
        return try await next(request, context)
    }

    static func tooMany(_ wait: Duration, _ what: String) -> APIError {
        var error = APIError(.tooManyRequests, "too many requests: over \(what); retry after the Retry-After seconds")
        error.retryAfter = max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
        return error
    }
}
