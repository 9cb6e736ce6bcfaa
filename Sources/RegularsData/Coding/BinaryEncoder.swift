import Foundation

#if !_endian(little)
    #error("model files are little-endian: packed arrays are copied as the host lays them out")
#endif

/// Encodes a `Codable` value in the compact binary layout `BinaryValue` describes; `BinaryDecoder` reads it back.
public struct BinaryEncoder {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> Data {
        var writer = BinaryWriter()
        writer.write(try BinaryEncoding.box(value, codingPath: []))
        return writer.data
    }
}

/// The `Encoder` handed to `encode(to:)`; reference semantics, so the containers it hands out fill its value.
final class BinaryEncoding: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var value: BinaryValue?

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    /// `value` as a tree: numbers and strings directly, arrays of numbers packed, anything else by its own
    /// `encode(to:)`.
    static func box<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> BinaryValue {
        if let scalar = value as? any BinaryScalar { return scalar.binaryValue }
        if let packed = PackedArrays.pack(value) { return packed }
        let encoder = BinaryEncoding(codingPath: codingPath)
        try value.encode(to: encoder)
        // A type that wrote nothing is an empty keyed container, as `JSONEncoder` writes `{}`.
        return encoder.value ?? .keyed(BinaryKeyed())
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let keyed: BinaryKeyed
        if case .keyed(let existing)? = value {
            keyed = existing
        } else {
            keyed = BinaryKeyed()
            value = .keyed(keyed)
        }
        return KeyedEncodingContainer(BinaryKeyedEncoding<Key>(storage: keyed, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let unkeyed: BinaryUnkeyed
        if case .unkeyed(let existing)? = value {
            unkeyed = existing
        } else {
            unkeyed = BinaryUnkeyed()
            value = .unkeyed(unkeyed)
        }
        return BinaryUnkeyedEncoding(storage: unkeyed, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { BinarySingleValueEncoding(encoder: self) }
}
