import Foundation
import Hummingbird
import RegularsData
import Yams

/// `openapi.yaml`, the one description of the HTTP API, as the server uses it at run time: served as JSON
/// at `GET /openapi.json`, and read for the routes and key scopes it lists.
///
/// The same file generates `APIProtocol` and its types at build time (`openapi-generator-config.yaml`), so
/// the document served cannot drift from the routes answered.
struct APIDocument: Sendable {
    /// The document as JSON, with sorted keys: converted once, at start-up.
    let json: ByteBuffer
    /// Every documented path (`/v1/customers/{id}`) and its methods.
    let operations: [String: [HTTPRequest.Method: Operation]]

    /// What the server needs to know of one operation beyond what the generated code does.
    struct Operation: Sendable, Equatable {
        /// The weakest key accepted; `nil` for an open operation.
        var scope: APIKeyScope?
        /// Whether it takes a request body.
        var takesBody: Bool
    }

    /// The copy of `openapi.yaml` shipped in the module's resources, read once.
    static let bundled = Result { try load() }

    static func load() throws -> APIDocument {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw APIDocumentError(message: "openapi.yaml is missing from the RegularsServer resources")
        }
        return try APIDocument(yaml: String(contentsOf: url, encoding: .utf8))
    }

    init(yaml: String) throws {
        guard let root = try Yams.compose(yaml: yaml) else { throw APIDocumentError(message: "openapi.yaml is empty") }
        let value = try JSONValue(root)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        json = ByteBuffer(bytes: try encoder.encode(value))
        var operations: [String: [HTTPRequest.Method: Operation]] = [:]
        for (path, item) in value["paths"]?.object ?? [:] {
            for (name, operation) in item.object ?? [:] where Self.methods.contains(name) {
                guard let method = HTTPRequest.Method(name.uppercased()) else { continue }
                operations[path, default: [:]][method] = Operation(
                    scope: Self.scope(of: operation["security"] ?? value["security"]),
                    takesBody: operation["requestBody"] != nil)
            }
        }
        self.operations = operations
    }

    /// The keys of a path item that are operations.
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The weakest key an operation accepts, from its `security` (or the document's): `nil` for an open
    /// operation (none, `[]` or `[{}]`, as `/health`), `.public` when a public key will do, else `.secret`.
    static func scope(of security: JSONValue?) -> APIKeyScope? {
        guard let requirements = security?.array, !requirements.isEmpty else { return nil }
        let schemes = requirements.flatMap { $0.object?.keys.map { $0 } ?? [] }
        if requirements.contains(where: { $0.object?.isEmpty == true }) { return nil }
        return schemes.contains("publicKey") ? .public : .secret
    }
}

struct APIDocumentError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A JSON value read from YAML, keeping YAML's own typing of each scalar (quoted `'200'` stays a string).
enum JSONValue: Encodable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(_ node: Node) throws {
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: self = .null
            case .bool: self = node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int: self = node.int.map(JSONValue.int) ?? .string(scalar.string)
            case .float: self = node.float.map(JSONValue.double) ?? .string(scalar.string)
            // Strings, and timestamps: JSON has no dates, the text is what the author wrote.
            default: self = .string(scalar.string)
            }
        case .sequence(let sequence): self = .array(try sequence.map { try JSONValue($0) })
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard case .scalar(let name) = key else {
                    throw APIDocumentError(message: "openapi.yaml: a mapping key is not text")
                }
                object[name.string] = try JSONValue(value)
            }
            self = .object(object)
        case .alias: throw APIDocumentError(message: "openapi.yaml: YAML aliases are not supported; use $ref")
        }
    }

    subscript(key: String) -> JSONValue? { object?[key] }
    var object: [String: JSONValue]? { if case .object(let value) = self { value } else { nil } }
    var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
