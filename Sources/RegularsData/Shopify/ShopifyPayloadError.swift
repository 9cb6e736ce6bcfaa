import Foundation

/// A webhook body Regulars cannot use: the field at fault and what was expected, never the value (it may be a
/// customer's detail).
public struct ShopifyPayloadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }

    /// Decodes `T` from a body, with the decoder's complaint turned into the field it was about.
    static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch let error as DecodingError {
            throw Self(error)
        }
    }

    init(_ error: DecodingError) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(field: path(context.codingPath + [key]), "missing")
        case .typeMismatch(let type, let context):
            self.init(field: path(context.codingPath), "expected \(type)")
        case .valueNotFound(let type, let context):
            self.init(field: path(context.codingPath), "expected \(type), found null")
        case .dataCorrupted(let context):
            self.init(field: context.codingPath.isEmpty ? "(body)" : path(context.codingPath), "not valid JSON here")
        @unknown default:
            self.init(field: "(body)", "could not be read")
        }
    }
}

/// An amount as Shopify writes it: a decimal string (`"199.00"`), sometimes a number.
struct ShopifyAmount: Decodable, Sendable, Hashable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.text = text
        } else {
            self.text = String(try container.decode(Double.self))
        }
    }

    func money(field: String) throws -> Money {
        guard let money = Money(parsing: text) else {
            throw ShopifyPayloadError(field: field, "expected an amount such as 19.95")
        }
        return money
    }
}
