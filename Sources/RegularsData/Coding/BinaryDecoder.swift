import Foundation

/// Decodes what `BinaryEncoder` wrote.
public struct BinaryDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try BinaryDecoding.unbox(type, from: try BinaryReader.read(data), codingPath: [])
    }
}

/// The `Decoder` handed to `init(from:)`, over one value of the tree.
struct BinaryDecoding: Decoder {
    let value: BinaryValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// `value` as a `T`: numbers and strings directly, packed arrays with one copy, anything else by its own
    /// `init(from:)`.
    static func unbox<T: Decodable>(_ type: T.Type, from value: BinaryValue, codingPath: [any CodingKey]) throws -> T {
        if let scalar = type as? any BinaryScalar.Type {
            guard let decoded = scalar.init(binaryValue: value) else { throw mismatch(type, value, codingPath) }
            return decoded as! T
        }
        do {
            if let array = try PackedArrays.unpack(type, from: value) { return array }
        } catch {
            throw mismatch(type, value, codingPath)
        }
        return try T(from: BinaryDecoding(value: value, codingPath: codingPath))
    }

    static func mismatch(_ type: Any.Type, _ value: BinaryValue, _ codingPath: [any CodingKey]) -> DecodingError {
        DecodingError.typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "expected \(type), found \(value.kindName)"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .keyed(let keyed) = value else { throw Self.mismatch([String: Any].self, value, codingPath) }
        return KeyedDecodingContainer(BinaryKeyedDecoding<Key>(storage: keyed, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case .unkeyed(let unkeyed): return BinaryUnkeyedDecoding(values: unkeyed.values, codingPath: codingPath)
        case .packed: return BinaryUnkeyedDecoding(values: PackedArrays.elements(of: value), codingPath: codingPath)
        default: throw Self.mismatch([Any].self, value, codingPath)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { BinarySingleValueDecoding(decoding: self) }
}
