import Foundation
import OpenAPIRuntime

extension APIError {
    /// The answer to a request the generated code could not read: a body or parameter of the wrong shape,
    /// a missing parameter, a content type it does not take. `nil` when the error came from the handler
    /// itself (its `underlyingError` is then what the handler threw).
    init?(_ error: ServerError) {
        switch error.underlyingError {
        case let decoding as DecodingError:
            self = .badRequest(JSONCoding.message(for: decoding), field: JSONCoding.field(of: decoding))
            // Clients of the event batch read one format for every bad item, thrown here or by the handler.
            if error.operationID == "recordEvents" { self = EventRoutes.itemError(self) }
        case is APIError:
            return nil
        default:
            guard (400..<500).contains(error.httpStatus.code) else { return nil }
            // The runtime's own words, such as "Missing required query parameter named: placement".
            var text = JSONCoding.lowercasedFirst(error.causeDescription)
            if text.hasSuffix(".") { text.removeLast() }
            let field = text.range(of: "named: ").map { String(text[$0.upperBound...]) }
            self.init(error.httpStatus, text, field: field)
        }
    }
}
