import Foundation
import Hummingbird

/// Turns every error into the JSON error body: Hummingbird's own (404, 405, 413) and anything unexpected,
/// which becomes a 500 without details (they go to the log).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError where error.status == .notFound {
            guard let methods = RouteTable.methods(for: request.uri.path), !methods.contains(request.method) else {
                throw APIError(.notFound, Self.message(for: .notFound))
            }
            throw APIError(
                .methodNotAllowed,
                "\(request.method) is not allowed here; expected \(methods.map(\.rawValue).joined(separator: " or "))",
                allow: methods.map(\.rawValue).joined(separator: ", "))
        } catch let error as HTTPError {
            throw APIError(error.status, error.body.map(Self.lowercasedFirst) ?? Self.message(for: error.status))
        } catch let error as any HTTPResponseError {
            throw APIError(error.status, Self.message(for: error.status))
        } catch {
            context.logger.error("unexpected error: \(String(reflecting: error))")
            throw APIError(.internalServerError, "internal error; the server log has the details")
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
