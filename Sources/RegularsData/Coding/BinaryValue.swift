import Foundation

/// The tree both halves of the binary coding speak: a `Codable` value as scalars, byte strings, keyed and
/// unkeyed lists, and packed arrays of numbers.
///
/// Why a format of our own: a model file is mostly long arrays of numbers (a snapshot's order lines, the models'
/// per-product tables), which `JSONEncoder` writes one number at a time as text; 20 MB and about a second each way
/// on online-retail. Here such an array is one run of little-endian bytes, copied in and out whole.
///
/// Layout, one tag byte per value:
/// - `nil`, `false`, `true`: the tag alone;
/// - integers: zig-zag (signed) or plain (unsigned) LEB128; `Float`, `Double`: their IEEE bytes;
/// - strings: LEB128 byte count, then UTF-8;
/// - packed arrays: the element kind, the element count, then the elements' bytes;
/// - keyed containers: the entry count, then (key as a string, value) pairs;
/// - unkeyed containers: the element count, then the elements.
enum BinaryValue {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case float(Float)
    case double(Double)
    case string(String)
    /// `count` elements of `kind`, little-endian; when decoding, a slice sharing the file's buffer (not a copy).
    case packed(kind: PackedKind, count: Int, bytes: Data)
    case keyed(BinaryKeyed)
    case unkeyed(BinaryUnkeyed)
    /// Encoding only: what a `superEncoder()` will hold once its caller has written it.
    case pending(BinaryEncoding)

    enum Tag: UInt8 {
        case null = 0, boolFalse, boolTrue, int, uint, float, double, string, packed, keyed, unkeyed
    }
}

/// Kinds of number an array may be packed as, with their element width.
enum PackedKind: UInt8 {
    case int8 = 1, uint8, int16, uint16, int32, uint32, int64, uint64, float, double

    var width: Int {
        switch self {
        case .int8, .uint8: 1
        case .int16, .uint16: 2
        case .int32, .uint32, .float: 4
        case .int64, .uint64, .double: 8
        }
    }
}

/// A keyed container's entries in the order they were written; reference semantics, so a container handed out
/// to `encode(to:)` fills the value already placed in its parent.
final class BinaryKeyed {
    var keys: [String] = []
    var values: [BinaryValue] = []

    private var index: [String: Int]?

    /// The value of `key`. A struct has a handful of keys, searched in order without hashing them all; a
    /// dictionary's thousands of keys are indexed once (a search per key would make decoding it quadratic).
    func value(_ key: String) -> BinaryValue? {
        if keys.count <= 16 {
            for (i, candidate) in keys.enumerated() where candidate == key { return values[i] }
            return nil
        }
        if index == nil {
            var built = [String: Int](minimumCapacity: keys.count)
            for (i, k) in keys.enumerated() where built[k] == nil { built[k] = i }
            index = built
        }
        return index?[key].map { values[$0] }
    }
}

/// An unkeyed container's elements; reference semantics for the same reason as `BinaryKeyed`.
final class BinaryUnkeyed {
    var values: [BinaryValue] = []
}

/// A model file's body that cannot be read: cut short, or not written by `BinaryEncoder`.
public struct BinaryCodingError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension BinaryValue {
    /// What this value is, for error messages.
    var kindName: String {
        switch self {
        case .null: "nothing"
        case .bool: "a flag"
        case .int, .uint: "an integer"
        case .float, .double: "a number"
        case .string: "a string"
        case .packed(let kind, _, _): "a packed array of \(kind)"
        case .keyed: "a keyed container"
        case .unkeyed: "a list"
        case .pending: "an unfinished value"
        }
    }
}
