import Foundation

/// Reads the bytes `BinaryWriter` laid out back into a `BinaryValue` tree. Packed arrays stay slices of `data`
/// (copied once, when decoded into their arrays); anything cut short or unknown is a `BinaryCodingError` naming
/// the byte offset.
struct BinaryReader {
    private let data: Data
    private var offset = 0

    init(_ data: Data) { self.data = data }

    /// The single value `data` holds; bytes left over after it mean the data is not what was written.
    static func read(_ data: Data) throws -> BinaryValue {
        var reader = BinaryReader(data)
        let value = try reader.value()
        guard reader.offset == data.count else {
            throw reader.error("\(data.count - reader.offset) bytes after the value")
        }
        return value
    }

    private mutating func value() throws -> BinaryValue {
        let at = offset
        guard let tag = BinaryValue.Tag(rawValue: try byte()) else { throw error("unknown tag", at: at) }
        switch tag {
        case .null: return .null
        case .boolFalse: return .bool(false)
        case .boolTrue: return .bool(true)
        case .int:
            let zigzag = try varint()
            return .int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
        case .uint: return .uint(try varint())
        case .float: return .float(Float(bitPattern: UInt32(littleEndian: try fixed(UInt32.self))))
        case .double: return .double(Double(bitPattern: UInt64(littleEndian: try fixed(UInt64.self))))
        case .string: return .string(try string())
        case .packed:
            let kindAt = offset
            guard let kind = PackedKind(rawValue: try byte()) else { throw error("unknown array kind", at: kindAt) }
            let count = try length()
            let (byteCount, overflow) = count.multipliedReportingOverflow(by: kind.width)
            guard !overflow else { throw error("array too long", at: kindAt) }
            return .packed(kind: kind, count: count, bytes: try slice(byteCount))
        case .keyed:
            let count = try length()
            let keyed = BinaryKeyed()
            keyed.keys.reserveCapacity(count)
            keyed.values.reserveCapacity(count)
            for _ in 0..<count {
                keyed.keys.append(try string())
                keyed.values.append(try value())
            }
            return .keyed(keyed)
        case .unkeyed:
            let count = try length()
            let unkeyed = BinaryUnkeyed()
            unkeyed.values.reserveCapacity(count)
            for _ in 0..<count { unkeyed.values.append(try value()) }
            return .unkeyed(unkeyed)
        }
    }

    private mutating func byte() throws -> UInt8 {
        guard offset < data.count else { throw error("the data ends early") }
        defer { offset += 1 }
        return data[data.startIndex + offset]
    }

    private mutating func varint() throws -> UInt64 {
        let at = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw error("an integer longer than 64 bits", at: at) }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    /// A count or byte length: it cannot exceed what is left of the data, so a damaged length fails here rather
    /// than reserving gigabytes.
    private mutating func length() throws -> Int {
        let at = offset
        let n = try varint()
        guard n <= UInt64(data.count - offset) else { throw error("a length of \(n) past the end of the data", at: at) }
        return Int(n)
    }

    private mutating func fixed<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let bytes = try slice(MemoryLayout<T>.size)
        return bytes.withUnsafeBytes { $0.loadUnaligned(as: T.self) }
    }

    private mutating func string() throws -> String {
        let bytes = try slice(try length())
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func slice(_ count: Int) throws -> Data {
        guard count <= data.count - offset else { throw error("the data ends early") }
        let start = data.startIndex + offset
        offset += count
        return data[start..<(start + count)]
    }

    private func error(_ what: String, at: Int? = nil) -> BinaryCodingError {
        BinaryCodingError(description: "\(what) at byte \(at ?? offset)")
    }
}
