/// A request's query string read once, as an HTML form encodes it (`application/x-www-form-urlencoded`):
/// `name=value` pairs joined by `&`, `+` for a space and `%XX` for any other byte. This is how browsers'
/// `URLSearchParams` (the widget) and the OpenAPI document's `form` style (explode) write parameters.
///
/// `GET /v1/recommendations` reads its parameters here rather than through the generated code, which parsed
/// the whole query string again for every optional parameter it looked up (a fifth of a cached answer).
/// Hummingbird's `URI.queryParameters` does not serve: it leaves `+` as it is, and `URLSearchParams` writes a
/// space in a SKU or a topic as `+`.
struct QueryString: Sendable {
    /// The pairs in their order; a name without `=` has the value `""`.
    let pairs: [(name: String, value: String)]

    init(_ query: Substring?) {
        guard let query, !query.isEmpty else {
            pairs = []
            return
        }
        pairs = query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { return (Self.decode(pair), "") }
            return (Self.decode(pair[..<equals]), Self.decode(pair[pair.index(after: equals)...]))
        }
    }

    /// The first value given for `name` (a parameter given twice is read as its first), `nil` when absent.
    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// `+` as a space and `%XX` as its byte; a `%` not followed by two hex digits is kept as it is, and bytes
    /// that are not UTF-8 become U+FFFD, so any query string can be read.
    static func decode(_ bytes: Substring.UTF8View.SubSequence) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(Substring(bytes))
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                decoded.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), bytes.distance(from: index, to: bytes.endIndex) >= 3,
                let high = hexValue(bytes[bytes.index(index, offsetBy: 1)]),
                let low = hexValue(bytes[bytes.index(index, offsetBy: 2)])
            {
                decoded.append(high << 4 | low)
                index = bytes.index(index, offsetBy: 3)
                continue
            } else {
                decoded.append(byte)
            }
            index = bytes.index(after: index)
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
