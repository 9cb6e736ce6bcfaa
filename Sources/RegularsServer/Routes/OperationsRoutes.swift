import Foundation
import Hummingbird
import RegularsData

/// Routes without a key: `GET /health`, `GET /openapi.json`; and `GET /metrics` (Prometheus text), which
/// answers this machine, or a secret key, unless the server was told to open it.
struct OperationsRoutes: Sendable {
    let services: AppServices
    let document: APIDocument
    /// `ServerConfiguration.openMetrics`.
    var openMetrics = false

    /// The routes openapi.yaml documents but the generated code does not serve (see
    /// openapi-generator-config.yaml); `GET /health` is an `APIProtocol` operation.
    func add(to router: Router<AppContext>) {
        router.get("metrics", use: metrics)
        router.get("openapi.json", use: openAPI)
    }

    /// openapi.yaml's `Health`, standing in for the generated type: it writes `model_version: null`.
    struct Health: Codable, Hashable, Sendable {
        var status: String
        /// The model set version served, `null` before the first `regulars train`.
        var modelVersion: Int?

        enum CodingKeys: String, CodingKey {
            case status
            case modelVersion = "model_version"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(status, forKey: .status)
            try c.encode(modelVersion, forKey: .modelVersion)
        }
    }

    static func health(models: ModelRegistry?) -> Health {
        models?.refreshIfDue()
        return Health(status: "ok", modelVersion: models?.version)
    }

    @Sendable func metrics(_ request: Request, context: AppContext) async throws -> Response {
        // Counts of keys, experiments and traffic are the shop's business: from elsewhere, a secret key.
        if !openMetrics && !context.isLoopback {
            guard let key = KeyMiddleware.bearer(request), let record = try services.keys.record(forKey: key),
                record.scope == .secret
            else {
                throw APIError(
                    .unauthorized, "/metrics answers this machine only, or a secret key (Authorization: Bearer)",
                    field: "Authorization")
            }
        }
        let text = services.metrics.render(now: services.now())
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func openAPI(_ request: Request, context: AppContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: document.json))
    }
}
