import Foundation

/// Reads a keyed value: entries looked up by key (see `BinaryKeyed.value(_:)`).
struct BinaryKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let storage: BinaryKeyed
    let codingPath: [any CodingKey]

    var allKeys: [Key] { storage.keys.compactMap { Key(stringValue: $0) } }
    func contains(_ key: Key) -> Bool { storage.value(key.stringValue) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try entry(key) { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try unbox(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try unbox(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try unbox(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try unbox(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try unbox(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try unbox(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try unbox(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try unbox(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try unbox(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try unbox(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try unbox(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try unbox(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try unbox(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try unbox(type, key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try unbox(type, key) }

    private func unbox<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        try BinaryDecoding.unbox(type, from: try entry(key), codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try BinaryDecoding(value: try entry(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try BinaryDecoding(value: try entry(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        let key = BinaryKey("super")
        return BinaryDecoding(value: storage.value(key.stringValue) ?? .null, codingPath: codingPath + [key])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        BinaryDecoding(value: storage.value(key.stringValue) ?? .null, codingPath: codingPath + [key])
    }

    private func entry(_ key: Key) throws -> BinaryValue {
        guard let value = storage.value(key.stringValue) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "no value for \"\(key.stringValue)\""))
        }
        return value
    }
}

/// Reads a list's elements in order.
struct BinaryUnkeyedDecoding: UnkeyedDecodingContainer {
    let values: [BinaryValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(values: [BinaryValue], codingPath: [any CodingKey]) {
        self.values = values
        self.codingPath = codingPath
    }

    var count: Int? { values.count }
    var isAtEnd: Bool { currentIndex >= values.count }

    mutating func decodeNil() throws -> Bool {
        guard case .null = try current() else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try BinaryDecoding(value: try current(), codingPath: path).container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try BinaryDecoding(value: try current(), codingPath: path).unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = BinaryDecoding(value: try current(), codingPath: path)
        currentIndex += 1
        return decoder
    }

    private var path: [any CodingKey] { codingPath + [BinaryKey(index: currentIndex)] }

    private mutating func next<T: Decodable>(_ type: T.Type) throws -> T {
        let decoded = try BinaryDecoding.unbox(type, from: try current(), codingPath: path)
        currentIndex += 1
        return decoded
    }

    private func current() throws -> BinaryValue {
        guard currentIndex < values.count else {
            throw DecodingError.valueNotFound(
                Any.self, .init(codingPath: path, debugDescription: "the list has only \(values.count) elements"))
        }
        return values[currentIndex]
    }
}

/// Reads the decoder's value itself.
struct BinarySingleValueDecoding: SingleValueDecodingContainer {
    let decoding: BinaryDecoding
    var codingPath: [any CodingKey] { decoding.codingPath }

    func decodeNil() -> Bool {
        if case .null = decoding.value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try unbox(type) }
    func decode(_ type: String.Type) throws -> String { try unbox(type) }
    func decode(_ type: Double.Type) throws -> Double { try unbox(type) }
    func decode(_ type: Float.Type) throws -> Float { try unbox(type) }
    func decode(_ type: Int.Type) throws -> Int { try unbox(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try unbox(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try unbox(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try unbox(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try unbox(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try unbox(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try unbox(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try unbox(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try unbox(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try unbox(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try unbox(type) }

    private func unbox<T: Decodable>(_ type: T.Type) throws -> T {
        try BinaryDecoding.unbox(type, from: decoding.value, codingPath: codingPath)
    }
}
