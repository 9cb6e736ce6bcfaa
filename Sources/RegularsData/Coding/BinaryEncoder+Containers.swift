import Foundation

/// Fills a keyed value in place: each entry is a key and a boxed value, in the order written.
struct BinaryKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: BinaryKeyed
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { append(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { append(value.binaryValue, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { append(value.binaryValue, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        append(try BinaryEncoding.box(value, codingPath: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = BinaryKeyed()
        append(.keyed(nested), key)
        return KeyedEncodingContainer(BinaryKeyedEncoding<NestedKey>(storage: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = BinaryUnkeyed()
        append(.unkeyed(nested), key)
        return BinaryUnkeyedEncoding(storage: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> any Encoder {
        let encoder = BinaryEncoding(codingPath: codingPath + [BinaryKey(name)])
        storage.keys.append(name)
        storage.values.append(.pending(encoder))
        return encoder
    }

    private func append(_ value: BinaryValue, _ key: Key) {
        storage.keys.append(key.stringValue)
        storage.values.append(value)
    }
}

/// Fills an unkeyed value in place.
struct BinaryUnkeyedEncoding: UnkeyedEncodingContainer {
    let storage: BinaryUnkeyed
    let codingPath: [any CodingKey]
    var count: Int { storage.values.count }

    mutating func encodeNil() throws { storage.values.append(.null) }
    mutating func encode(_ value: Bool) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: String) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: Double) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: Float) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: Int) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: Int8) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: Int16) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: Int32) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: Int64) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: UInt) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: UInt8) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: UInt16) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: UInt32) throws { storage.values.append(value.binaryValue) }
    mutating func encode(_ value: UInt64) throws { storage.values.append(value.binaryValue) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        storage.values.append(try BinaryEncoding.box(value, codingPath: codingPath + [BinaryKey(index: count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = BinaryKeyed()
        let path = codingPath + [BinaryKey(index: count)]
        storage.values.append(.keyed(nested))
        return KeyedEncodingContainer(BinaryKeyedEncoding<NestedKey>(storage: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = BinaryUnkeyed()
        let path = codingPath + [BinaryKey(index: count)]
        storage.values.append(.unkeyed(nested))
        return BinaryUnkeyedEncoding(storage: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = BinaryEncoding(codingPath: codingPath + [BinaryKey(index: count)])
        storage.values.append(.pending(encoder))
        return encoder
    }
}

/// Sets the encoder's value itself.
struct BinarySingleValueEncoding: SingleValueEncodingContainer {
    let encoder: BinaryEncoding
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.value = .null }
    mutating func encode(_ value: Bool) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: String) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: Double) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: Float) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: Int) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: Int8) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: Int16) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: Int32) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: Int64) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: UInt) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: UInt8) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: UInt16) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: UInt32) throws { encoder.value = value.binaryValue }
    mutating func encode(_ value: UInt64) throws { encoder.value = value.binaryValue }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.value = try BinaryEncoding.box(value, codingPath: codingPath)
    }
}

/// A key made by the coder itself: an array position, or the `super` of a class.
struct BinaryKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) { stringValue = string }
    init(index: Int) {
        stringValue = "\(index)"
        intValue = index
    }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.init(index: intValue) }
}
