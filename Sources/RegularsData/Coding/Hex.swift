/// Lower-case hex of bytes: hashes kept in the store (suppression list, dashboard sessions).
///
/// By table, not `String(format:)`: a server checks every served customer against the suppression list when it
/// loads a model set, two hashes each, and formatting byte by byte made that most of a large shop's start (a
/// minute for 784,000 customers).
public enum Hex {
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[2 * index] = digits[Int(byte >> 4)]
                buffer[2 * index + 1] = digits[Int(byte & 0x0F)]
            }
            return bytes.count * 2
        }
    }
}
