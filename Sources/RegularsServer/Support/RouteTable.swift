import Hummingbird

/// Every route's path and methods, so that a known path asked with another method is a 405 with `Allow`,
/// not a 404. Keep in step with the routes and `OpenAPIDocument` (`OperationsTests` checks the latter).
enum RouteTable {
    static let routes: [(path: [Substring], methods: [HTTPRequest.Method])] = [
        ("/health", [.get]), ("/metrics", [.get]), ("/openapi.json", [.get]),
        ("/v1/recommendations", [.get]), ("/v1/events", [.post]), ("/v1/products/*", [.put]),
        ("/v1/customers/*", [.get, .put, .delete]), ("/v1/customers/*/opt-out", [.post]),
        ("/v1/customers/*/token", [.get]), ("/v1/orders", [.post]),
        ("/v1/segments", [.get]), ("/v1/admin/train", [.post]), ("/v1/admin/dashboard-link", [.post]),
        ("/widget.js", [.get]), ("/dashboard", [.get]), ("/dashboard/login", [.get, .post]),
        ("/dashboard/logout", [.post]),
    ].map { ($0.0.split(separator: "/"), $0.1) }

    /// The methods a path answers to, or `nil` for an unknown path.
    static func methods(for path: String) -> [HTTPRequest.Method]? {
        let parts = path.split(separator: "/")
        return routes.first { route in
            route.path.count == parts.count && zip(route.path, parts).allSatisfy { $0 == "*" || $0 == $1 }
        }?.methods
    }
}
