import Foundation
import Hummingbird
import OpenAPIRuntime

/// Turns every error into the JSON error body: Hummingbird's own (404, 405, 413) and anything unexpected,
/// which becomes a 500 without details (they go to the log).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            throw Self.apiError(for: error, request: request, context: context)
        }
    }

    static func apiError(for error: any Error, request: Request, context: Context) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as ServerError:
            // Thrown through the generated code: what our handler threw, or what reading the request found.
            return APIError(error) ?? apiError(for: error.underlyingError, request: request, context: context)
        case let error as HTTPError where error.status == .notFound:
            guard let methods = RouteTable.methods(for: request.uri.path), !methods.contains(request.method) else {
                return APIError(.notFound, Self.message(for: .notFound))
            }
            return APIError(
                .methodNotAllowed,
                "\(request.method) is not allowed here; expected \(methods.map(\.rawValue).joined(separator: " or "))",
                allow: methods.map(\.rawValue).joined(separator: ", "))
        case let error as HTTPError:
            return APIError(error.status, error.body.map(Self.lowercasedFirst) ?? Self.message(for: error.status))
        case let error as any HTTPResponseError:
            return APIError(error.status, Self.message(for: error.status))
        default:
            context.logger.error("unexpected error: \(String(reflecting: error))")
            return APIError(.internalServerError, "internal error; the server log has the details")
        }
    }

    static func message(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "no such route; see /openapi.json"
        case .methodNotAllowed: "method not allowed on this route; see /openapi.json"
        case .contentTooLarge: "request body too large; the limit is \(AppContext.maxBodyBytes) bytes"
        default: status.reasonPhrase.lowercased()
        }
    }

    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
