import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import RegularsRecommend
import RegularsTestSupport
import Testing
import Yams

@testable import RegularsServer

@Suite("openapi.yaml: served as /openapi.json, and the routes it lists answered as it says")
struct OpenAPIDocumentTests {
    static let yamlFile = Fixtures.repositoryRoot.appendingPathComponent("Sources/RegularsServer/openapi.yaml")

    /// The yaml read by Yams' own constructor (not the server's conversion), as Foundation JSON objects.
    static func yamlAsJSON() throws -> NSDictionary? {
        let loaded = try Yams.load(yaml: String(contentsOf: yamlFile, encoding: .utf8))
        // Throws when the yaml holds something JSON cannot (a number as a key, a date): it must not.
        let data = try JSONSerialization.data(withJSONObject: try #require(loaded))
        return try JSONSerialization.jsonObject(with: data) as? NSDictionary
    }

    /// The keys the schema `name` requires.
    static func required(_ name: String) throws -> Set<String> {
        let document = try #require(try yamlAsJSON() as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        return Set((schemas[name] as? [String: Any])?["required"] as? [String] ?? [])
    }

    @Test("GET /openapi.json is openapi.yaml parsed as JSON")
    func servedIsTheYAML() async throws {
        let server = try TestServer()
        try await server.run { client in
            let reply = try await client.send(.get, "/openapi.json")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType] == "application/json; charset=utf-8")
            let served = try JSONSerialization.jsonObject(with: Data(reply.text.utf8)) as? NSDictionary
            let expected = try #require(try Self.yamlAsJSON())
            #expect(served == expected)
        }
    }

    @Test("every documented operation has a route; other methods on its path are a 405 with Allow")
    func everyOperationRouted() async throws {
        let document = try APIDocument.bundled.get()
        #expect(document.operations.count == 19)
        let server = try TestServer()
        try await server.run { client in
            for (path, operations) in document.operations {
                let uri = path.replacingOccurrences(of: "{id}", with: "C-1")
                    .replacingOccurrences(of: "{sku}", with: "P-1").replacingOccurrences(of: "{name}", with: "x")
                    .replacingOccurrences(of: "{resource}", with: "orders").replacingOccurrences(
                        of: "{event}", with: "create")
                for method in operations.keys {
                    let reply = try await client.send(method, uri)
                    #expect(![.notFound, .methodNotAllowed].contains(reply.status), "\(method) \(path)")
                }
            }
            let html = try await client.send(.get, "/health", headers: [.accept: "text/html"])
            #expect(html.status == .ok, "answers are JSON whatever Accept asks for, as before")
            let wrong = try await client.send(.patch, "/v1/customers/C-1", key: server.secretKey)
            #expect(wrong.status == .methodNotAllowed)
            #expect(wrong.headers[.allow] == "DELETE, GET, PUT")
            #expect(wrong.errorStatus == 405)
        }
    }

    @Test("key scopes come from each operation's security")
    func scopes() throws {
        let operations = try APIDocument.bundled.get().operations
        #expect(operations["/health"]?[.get]?.scope == nil)
        #expect(operations["/v1/recommendations"]?[.get]?.scope == .public)
        #expect(operations["/v1/events"]?[.post] == .init(scope: .public, takesBody: true))
        #expect(operations["/v1/customers/{id}"]?[.delete] == .init(scope: .secret, takesBody: false))
        #expect(operations["/v1/admin/train"]?[.post]?.scope == .secret)
    }

    @Test("answers carry every key their schema requires, nulls written out")
    func requiredKeys() async throws {
        let (top, item, health) = (
            try Self.required("Recommendations"), try Self.required("RecommendedItem"), try Self.required("Health")
        )
        let answer = RecommendationsResponse.Item(
            sku: "P-1", title: "Mug", price: nil, urlOrHandle: nil, image: nil, reason: "Popular", model: "popular",
            recommendationID: "00ff")
        let source = FixedRecommendations(
            response: .init(placement: "home", modelVersion: 3, personalized: false, items: [answer]))
        let server = try TestServer()
        try await server.run(recommendations: source) { client in
            let reply = try await client.send(.get, "/v1/recommendations?placement=home", key: server.publicKey)
            #expect(reply.status == .ok)
            #expect(Set(reply.json.keys) == top)
            let items = reply.json["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1)
            #expect(Set(items.first?.keys.map { $0 } ?? []) == item)
            #expect(items.first?["price"] is NSNull)
            let reply2 = try await client.send(.get, "/health")
            #expect(Set(reply2.json.keys) == health)
        }
    }

    /// `GET /v1/recommendations` is read by hand (`RecommendationRoutes`): the values it takes are the document's.
    @Test("the recommendations route takes the placements and page types the document lists, no more")
    func recommendationEnums() throws {
        let document = try #require(try Self.yamlAsJSON() as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        let get = try #require((paths["/v1/recommendations"] as? [String: Any])?["get"] as? [String: Any])
        let parameters = try #require(get["parameters"] as? [[String: Any]])
        func values(_ name: String) -> [String] {
            let parameter = parameters.first { $0["name"] as? String == name }
            return (parameter?["schema"] as? [String: Any])?["enum"] as? [String] ?? []
        }
        #expect(values("placement") == Placement.allCases.map(\.rawValue))
        #expect(values("page_type") == PageType.allCases.map(\.rawValue))
        let documented = Set(parameters.compactMap { $0["in"] as? String == "query" ? $0["name"] as? String : nil })
        #expect(documented == Set(RecommendationRoutes.Parameter.allCases.map(\.rawValue)))
    }
}

/// A recommendation source that always gives the same answer.
struct FixedRecommendations: RecommendationSource {
    let response: RecommendationsResponse
    func recommend(_ query: RecommendationQuery) async throws -> RecommendationsResponse { response }
}
