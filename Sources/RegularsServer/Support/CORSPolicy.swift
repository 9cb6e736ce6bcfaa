import Foundation
import Hummingbird

/// CORS for the public routes (recommendations, events): only origins on the configured list get
/// `Access-Control-Allow-Origin`; a preflight from any other origin is refused with 403.
///
/// Runs on the router, not a group, because a preflight `OPTIONS` has no route of its own.
struct CORSPolicy: RouterMiddleware {
    typealias Context = AppContext
    let allowedOrigins: Set<String>
    let publicPaths: Set<String>

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response)
        async throws -> Response
    {
        guard publicPaths.contains(request.uri.path), let origin = request.headers[.origin] else {
            return try await next(request, context)
        }
        let allowed = allowedOrigins.contains(origin) || allowedOrigins.contains("*")
        if request.method == .options {
            guard allowed else { throw APIError(.forbidden, "origin not allowed; add it with --allowed-origin") }
            var headers = corsHeaders(origin)
            headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
            headers[.accessControlAllowHeaders] = "Authorization, Content-Type"
            headers[.accessControlMaxAge] = "600"
            return Response(status: .noContent, headers: headers)
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            // The browser may read an error only with the CORS headers on it.
            response = try error.response(from: request, context: context)
        }
        if allowed { response.headers.append(contentsOf: corsHeaders(origin)) }
        return response
    }

    private func corsHeaders(_ origin: String) -> HTTPFields {
        [.accessControlAllowOrigin: origin, .vary: "Origin"]
    }
}
