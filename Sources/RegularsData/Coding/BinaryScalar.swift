import Foundation

/// A number, string or flag: what a single value container stores directly.
protocol BinaryScalar {
    var binaryValue: BinaryValue { get }
    init?(binaryValue: BinaryValue)
}

// How each number, string and flag is one `BinaryValue`, and back. Decoding converts only when the value fits
// exactly (an `Int64` read as `Int8` must be in range), as `JSONDecoder` does.

extension Bool: BinaryScalar {
    var binaryValue: BinaryValue { .bool(self) }
    init?(binaryValue: BinaryValue) {
        guard case .bool(let value) = binaryValue else { return nil }
        self = value
    }
}

extension String: BinaryScalar {
    var binaryValue: BinaryValue { .string(self) }
    init?(binaryValue: BinaryValue) {
        guard case .string(let value) = binaryValue else { return nil }
        self = value
    }
}

extension Double: BinaryScalar {
    var binaryValue: BinaryValue { .double(self) }
    init?(binaryValue: BinaryValue) {
        switch binaryValue {
        case .double(let value): self = value
        case .float(let value): self = Double(value)
        default: return nil
        }
    }
}

extension Float: BinaryScalar {
    var binaryValue: BinaryValue { .float(self) }
    init?(binaryValue: BinaryValue) {
        switch binaryValue {
        case .float(let value): self = value
        case .double(let value): self = Float(value)
        default: return nil
        }
    }
}

extension BinaryScalar where Self: FixedWidthInteger & SignedInteger {
    var binaryValue: BinaryValue { .int(Int64(self)) }
    init?(binaryValue: BinaryValue) { self.init(binaryInteger: binaryValue) }
}

extension BinaryScalar where Self: FixedWidthInteger & UnsignedInteger {
    var binaryValue: BinaryValue { .uint(UInt64(self)) }
    init?(binaryValue: BinaryValue) { self.init(binaryInteger: binaryValue) }
}

extension Int: BinaryScalar {}
extension Int8: BinaryScalar {}
extension Int16: BinaryScalar {}
extension Int32: BinaryScalar {}
extension Int64: BinaryScalar {}
extension UInt: BinaryScalar {}
extension UInt8: BinaryScalar {}
extension UInt16: BinaryScalar {}
extension UInt32: BinaryScalar {}
extension UInt64: BinaryScalar {}

extension FixedWidthInteger {
    /// An integer of either signedness, if it fits exactly.
    init?(binaryInteger value: BinaryValue) {
        switch value {
        case .int(let v): self.init(exactly: v)
        case .uint(let v): self.init(exactly: v)
        default: return nil
        }
    }
}
