import Hummingbird

/// Every route's path and methods, so that a known path asked with another method is a 405 with `Allow`,
/// not a 404: the operations openapi.yaml documents, and the dashboard's pages, which it does not.
enum RouteTable {
    static let dashboard: [(path: String, methods: [HTTPRequest.Method])] = [
        ("/dashboard", [.get]), ("/dashboard/login", [.get, .post]), ("/dashboard/logout", [.post]),
        ("/preferences", [.get, .post]),
    ]

    static let routes: [(path: [Substring], methods: [HTTPRequest.Method])] = {
        let operations = (try? APIDocument.bundled.get())?.operations ?? [:]
        let documented: [(path: String, methods: [HTTPRequest.Method])] = operations.map { path, operations in
            (path, operations.keys.sorted { $0.rawValue < $1.rawValue })
        }
        return (documented + dashboard).map { path, methods in
            // `{id}` in the document matches any one segment.
            (path.split(separator: "/").map { $0.hasPrefix("{") ? "*" : $0 }, methods)
        }
    }()

    /// The methods a path answers to, or `nil` for an unknown path.
    static func methods(for path: String) -> [HTTPRequest.Method]? {
        let parts = path.split(separator: "/")
        return routes.first { route in
            route.path.count == parts.count && zip(route.path, parts).allSatisfy { $0 == "*" || $0 == $1 }
        }?.methods
    }
}
