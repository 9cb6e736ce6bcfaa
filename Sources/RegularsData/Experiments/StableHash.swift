/// A 64-bit hash that is identical in every process, on every platform, forever.
///
/// Assignment must survive restarts, deploys and a move from Linux to macOS, so Swift's `Hasher` (randomly
/// seeded per process) is ruled out. FNV-1a over the UTF-8 bytes is tiny and fully specified; because it
/// diffuses the last bytes poorly (sequential customer IDs differ only there), the result is passed through
/// the MurmurHash3 64-bit finaliser, which makes every output bit depend on every input bit.
/// Strings are hashed byte for byte as given: callers should pass IDs in one canonical form.
public enum StableHash {
    /// FNV-1a 64 (offset basis 0xcbf29ce484222325, prime 0x100000001b3), without the finaliser.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// MurmurHash3's fmix64 avalanche step.
    public static func finalize(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k = k &* 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k = k &* 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }

    /// The finalised hash of `text`.
    public static func hash(_ text: String) -> UInt64 { finalize(fnv1a64(text)) }

    /// The hash mapped to [0, 1) using its top 53 bits (exactly representable as a Double).
    public static func unitInterval(_ text: String) -> Double {
        Double(hash(text) >> 11) * 0x1p-53
    }
}
