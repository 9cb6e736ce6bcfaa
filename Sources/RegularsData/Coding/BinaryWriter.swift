import Foundation

/// Lays a `BinaryValue` tree out as bytes (see `BinaryValue` for the layout).
struct BinaryWriter {
    private var bytes: [UInt8] = []

    var data: Data { Data(bytes) }

    mutating func write(_ value: BinaryValue) {
        switch value {
        case .null: tag(.null)
        case .bool(let flag): tag(flag ? .boolTrue : .boolFalse)
        case .int(let v):
            tag(.int)
            varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
        case .uint(let v):
            tag(.uint)
            varint(v)
        case .float(let v):
            tag(.float)
            withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case .double(let v):
            tag(.double)
            withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case .string(let s):
            tag(.string)
            string(s)
        case .packed(let kind, let count, let data):
            tag(.packed)
            bytes.append(kind.rawValue)
            varint(UInt64(count))
            bytes.append(contentsOf: data)
        case .keyed(let keyed):
            tag(.keyed)
            varint(UInt64(keyed.keys.count))
            for (key, value) in zip(keyed.keys, keyed.values) {
                string(key)
                write(value)
            }
        case .unkeyed(let unkeyed):
            tag(.unkeyed)
            varint(UInt64(unkeyed.values.count))
            for value in unkeyed.values { write(value) }
        case .pending(let encoder):
            write(encoder.value ?? .keyed(BinaryKeyed()))
        }
    }

    private mutating func tag(_ tag: BinaryValue.Tag) { bytes.append(tag.rawValue) }

    private mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// LEB128: seven bits a byte, low bits first, the high bit set on every byte but the last.
    private mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
