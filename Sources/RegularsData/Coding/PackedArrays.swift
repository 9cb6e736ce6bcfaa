import Foundation

/// The arrays of numbers written as one run of bytes, and read back with one copy.
///
/// Why by exact type: `Codable` hands the coder a generic `T`, and only a known element type can be copied as
/// bytes; every other array goes element by element, which is correct, only slower.
enum PackedArrays {
    static func pack<T>(_ value: T) -> BinaryValue? {
        // By the static type, not `value as? [Float]`: an array cast converts element by element, so an empty
        // `[Int32]` would pass for an empty `[Float]` (and be read back as the wrong kind).
        switch T.self {
        case is [Float].Type: pack(value as! [Float], .float)
        case is ContiguousArray<Float>.Type: pack(value as! ContiguousArray<Float>, .float)
        case is [Double].Type: pack(value as! [Double], .double)
        case is ContiguousArray<Double>.Type: pack(value as! ContiguousArray<Double>, .double)
        case is [Int32].Type: pack(value as! [Int32], .int32)
        case is ContiguousArray<Int32>.Type: pack(value as! ContiguousArray<Int32>, .int32)
        case is [Int64].Type: pack(value as! [Int64], .int64)
        case is ContiguousArray<Int64>.Type: pack(value as! ContiguousArray<Int64>, .int64)
        case is [Int].Type: pack((value as! [Int]).map { Int64($0) }, .int64)
        case is ContiguousArray<Int>.Type: pack((value as! ContiguousArray<Int>).map { Int64($0) }, .int64)
        case is [UInt32].Type: pack(value as! [UInt32], .uint32)
        case is ContiguousArray<UInt32>.Type: pack(value as! ContiguousArray<UInt32>, .uint32)
        case is [Int16].Type: pack(value as! [Int16], .int16)
        case is [UInt16].Type: pack(value as! [UInt16], .uint16)
        case is [UInt8].Type: pack(value as! [UInt8], .uint8)
        case is Data.Type: .packed(kind: .uint8, count: (value as! Data).count, bytes: value as! Data)
        default: nil
        }
    }

    /// `value` as a `T`, when `T` is one of the packed array types and `value` holds its elements; nil when `T`
    /// is not packed or `value` is not a packed array (the caller decodes it the ordinary way: a list written element
    /// by element by a type's own `encode(to:)` is read element by element).
    static func unpack<T>(_ type: T.Type, from value: BinaryValue) throws -> T? {
        guard case .packed = value else { return nil }
        let result: Any? =
            switch type {
            case is [Float].Type: try array(Float.self, .float, value)
            case is ContiguousArray<Float>.Type: try ContiguousArray(array(Float.self, .float, value))
            case is [Double].Type: try array(Double.self, .double, value)
            case is ContiguousArray<Double>.Type: try ContiguousArray(array(Double.self, .double, value))
            case is [Int32].Type: try array(Int32.self, .int32, value)
            case is ContiguousArray<Int32>.Type: try ContiguousArray(array(Int32.self, .int32, value))
            case is [Int64].Type: try array(Int64.self, .int64, value)
            case is ContiguousArray<Int64>.Type: try ContiguousArray(array(Int64.self, .int64, value))
            case is [Int].Type: try array(Int64.self, .int64, value).map { Int($0) }
            case is ContiguousArray<Int>.Type:
                try ContiguousArray(array(Int64.self, .int64, value).lazy.map { Int($0) })
            case is [UInt32].Type: try array(UInt32.self, .uint32, value)
            case is ContiguousArray<UInt32>.Type: try ContiguousArray(array(UInt32.self, .uint32, value))
            case is [Int16].Type: try array(Int16.self, .int16, value)
            case is [UInt16].Type: try array(UInt16.self, .uint16, value)
            case is [UInt8].Type: try array(UInt8.self, .uint8, value)
            case is Data.Type: try Data(array(UInt8.self, .uint8, value))
            default: nil
            }
        return result.map { $0 as! T }
    }

    private static func pack<C: Collection>(_ elements: C, _ kind: PackedKind) -> BinaryValue {
        let bytes = elements.withContiguousStorageIfAvailable { Data(UnsafeRawBufferPointer($0)) } ?? Data()
        return .packed(kind: kind, count: elements.count, bytes: bytes)
    }

    private static func array<E>(_ element: E.Type, _ kind: PackedKind, _ value: BinaryValue) throws -> [E] {
        guard case .packed(let stored, let count, let bytes) = value, stored == kind else {
            throw BinaryCodingError(description: "expected a packed array of \(kind), found \(value.kindName)")
        }
        return [E](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[..<(count * kind.width)]))
            }
            initialized = count
        }
    }
}

extension PackedArrays {
    /// A packed array's elements one by one, for a type that reads it as a list (a `Set<Int32>`, say).
    static func elements(of value: BinaryValue) -> [BinaryValue] {
        guard case .packed(let kind, let count, let bytes) = value else { return [] }
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { i in
                let at = i * kind.width
                return switch kind {
                case .int8: .int(Int64(raw.loadUnaligned(fromByteOffset: at, as: Int8.self)))
                case .uint8: .uint(UInt64(raw[at]))
                case .int16: .int(Int64(raw.loadUnaligned(fromByteOffset: at, as: Int16.self)))
                case .uint16: .uint(UInt64(raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
                case .int32: .int(Int64(raw.loadUnaligned(fromByteOffset: at, as: Int32.self)))
                case .uint32: .uint(UInt64(raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                case .int64: .int(raw.loadUnaligned(fromByteOffset: at, as: Int64.self))
                case .uint64: .uint(raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                case .float: .float(raw.loadUnaligned(fromByteOffset: at, as: Float.self))
                case .double: .double(raw.loadUnaligned(fromByteOffset: at, as: Double.self))
                }
            }
        }
    }
}
