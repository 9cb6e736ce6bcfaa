import Foundation
import RegularsData

/// The one JSON encoder of the hand-written answers, and the words for what a request body got wrong.
enum JSONCoding {
    /// ISO-8601 dates, sorted keys (stable output for caches and tests).
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `events[3].at` from a coding path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    static func field(of error: DecodingError) -> String? {
        switch error {
        case .keyNotFound(let key, let context): return path(context.codingPath + [key])
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let text = path(context.codingPath)
            return text.isEmpty ? nil : text
        @unknown default: return nil
        }
    }

    static func message(for error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case .typeMismatch(let type, _): return "wrong type; expected \(typeName(type))"
        case .valueNotFound(let type, _): return "null where \(typeName(type)) is expected"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "request body is not valid JSON" }
            return lowercasedFirst(context.debugDescription)
        @unknown default: return "cannot read the request body"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)".hasPrefix("Array") ? "an array" : "an object"
        }
    }

    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}

/// The length rule of every identifier and short text in requests: 1 to 200 characters (Unicode code
/// points, as JSON Schema's `maxLength` counts them); absent is fine where the field is optional.
enum TextLimits {
    static let maximum = 200

    /// What is wrong with `value`, or `nil` when it is fine.
    static func problem(_ value: String?) -> String? {
        guard let value else { return nil }
        if value.isEmpty { return "empty; leave the field out instead" }
        if value.unicodeScalars.count > maximum { return "longer than \(maximum) characters" }
        return nil
    }

    /// Throws a 400 naming `field` when `value` breaks the rule.
    static func check(_ value: String?, field: String) throws {
        if let problem = problem(value) { throw APIError.badRequest(problem, field: field) }
    }
}

/// A money amount in a request: a JSON number (`2.55`, rounded to four decimals) or a decimal string
/// (`"2.55"`, `"1,234.5"`, at most four decimals); at least 0 and below 100 000 000, so that an order of 500
/// lines of 10 000 units each cannot overflow `Money`.
struct MoneyValue: Codable, Hashable, Sendable {
    static let limit: Double = 100_000_000
    /// What the OpenAPI document's `Amount` string pattern says, checked here so the two agree.
    nonisolated(unsafe) static let pattern = /([0-9]{1,8}|[0-9]{1,2}(,[0-9]{3}){1,2})(\.[0-9]{0,4})?/

    var money: Money

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            guard (try? Self.pattern.wholeMatch(in: string)) != nil, let money = Money(parsing: string) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "cannot read amount \"\(string.prefix(40))\"; expected a decimal such as 2.55")
            }
            self.money = money
        } else if let number = try? container.decode(Double.self) {
            guard number.isFinite, number >= 0, number < Self.limit else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected an amount of at least 0 and below 100000000")
            }
            money = Money(units: Int64((number * Double(Money.scale)).rounded()))
        } else {
            throw DecodingError.typeMismatch(
                Double.self, .init(codingPath: decoder.codingPath, debugDescription: "expected an amount"))
        }
    }

    /// As a number: the generated code wants request types `Encodable` too, though the server never sends one.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(money.doubleValue)
    }
}

/// An ISO-8601 date-time in a request, read with `Timestamp.parse`.
struct DateValue: Codable, Hashable, Sendable {
    var seconds: Int64
    var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let seconds = Timestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "cannot read date \"\(text.prefix(40))\"; expected \(Timestamp.expected)")
        }
        self.seconds = seconds
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Timestamp.iso(seconds))
    }
}
