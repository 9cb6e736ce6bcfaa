import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
import RegularsTestSupport

@testable import RegularsServer

/// A real store (a SQLite file in a temporary folder, or a new shop on the test PostgreSQL server) with one public
/// and one secret key, and the server over it on 127.0.0.1 (HummingbirdTesting's live mode).
struct TestServer: Sendable {
    static let today = Fixtures.day("2024-06-30")
    static let origin = "https://shop.example"

    let store: any Store
    /// What the shop's files are named beside: the SQLite file, or a name in a temporary folder for PostgreSQL.
    let storePath: String
    let publicKey: String
    let secretKey: String

    init(_ kind: StoreKind = .sqlite) throws {
        store = try TemporaryStore.make(kind)
        if let sqlite = store as? SQLiteStore {
            storePath = sqlite.path
        } else {
            storePath = try Fixtures.temporaryDirectory().appendingPathComponent("shop.postgres").path
        }
        let publicKey = APIKey.generate(scope: .public)
        let secretKey = APIKey.generate(scope: .secret)
        try store.add(key: publicKey.record(name: "widget", createdAt: Self.today))
        try store.add(key: secretKey.record(name: "backend", createdAt: Self.today))
        self.publicKey = publicKey.secret
        self.secretKey = secretKey.secret
    }

    /// `customer=ID&customer_token=…`: how a page with the public key names a signed-in customer.
    func customer(_ id: String) throws -> String {
        let token = CustomerToken.make(customer: id, key: try store.customerTokenKey(), now: Self.today)
        return "customer=\(id)&customer_token=\(token)"
    }

    /// Starts the server, runs `body` against it, stops it.
    func run(
        recommendations: (any RecommendationSource)? = nil, modelCheckInterval: Duration = .seconds(5),
        mode: TestingSetup = .live, configure: (inout ServerConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        var configuration = ServerConfiguration.testing
        configuration.metrics = MetricsBootstrap.shared
        configuration.allowedOrigins = [Self.origin]
        configuration.modelCheckInterval = modelCheckInterval
        configuration.storePath = storePath
        configure(&configuration)
        let app = try await buildApplication(
            configuration, store: store, now: { Self.today }, recommendations: recommendations)
        try await app.test(mode) { client in try await body(client) }
    }
}

/// A response, its body parsed as JSON when it is JSON.
struct Reply: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
    /// `error.field` of a JSON error body.
    var errorField: String? { (json["error"] as? [String: Any])?["field"] as? String }
    var errorStatus: Int? { (json["error"] as? [String: Any])?["status"] as? Int }
    var itemErrors: [[String: Any]] { json["errors"] as? [[String: Any]] ?? [] }
}

extension TestClientProtocol {
    /// Sends `body` (JSON text) with `Authorization: Bearer key` when a key is given.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, key: String? = nil, body: String? = nil, headers: HTTPFields = [:]
    )
        async throws -> Reply
    {
        var headers = headers
        if let key { headers[.authorization] = "Bearer \(key)" }
        if body != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        {
            Reply(status: $0.status, headers: $0.headers, text: String(buffer: $0.body))
        }
    }
}

/// JSON of an event batch; `events` are objects as JSON text.
func eventBatch(_ events: [String]) -> String { #"{"events": ["# + events.joined(separator: ",") + "]}" }

func viewEvent(_ id: String, customer: String = "C-1", sku: String = "P-1", at: String = "2024-06-29T10:00:00Z")
    -> String
{
    #"{"event_id": "\#(id)", "type": "product_view", "at": "\#(at)", "customer_id": "\#(customer)", "sku": "\#(sku)"}"#
}

func orderJSON(
    _ id: String, customer: String = "C-1", at: String = "2024-06-01T12:00:00Z",
    lines: [(String, Int, String)] = [("P-1", 1, "9.50"), ("P-2", 2, "4.25")]
) -> String {
    let lineText = lines.map {
        #"{"sku": "\#($0.0)", "title": "Item \#($0.0)", "quantity": \#($0.1), "unit_price": "\#($0.2)"}"#
    }
    return
        #"{"id": "\#(id)", "customer_id": "\#(customer)", "created_at": "\#(at)", "#
        + #""lines": [\#(lineText.joined(separator: ","))]}"#
}
