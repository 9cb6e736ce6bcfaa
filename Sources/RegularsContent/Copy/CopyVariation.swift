/// Picks one of several phrasings for a slot, the same one every run for the same customer and slot.
///
/// Deterministic on purpose: a campaign re-run after a fix must not reshuffle what people were shown in
/// the preview, and tests can compare text. FNV-1a is enough: the aim is spread, not secrecy.
public enum CopyVariation {
    /// An index in `0..<count` from the customer and slot names.
    public static func index(customer: String, slot: String, count: Int) -> Int {
        guard count > 1 else { return 0 }
        return Int(hash(customer + "\u{1F}" + slot) % UInt64(count))
    }

    /// 64-bit FNV-1a of the UTF-8 bytes.
    public static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
