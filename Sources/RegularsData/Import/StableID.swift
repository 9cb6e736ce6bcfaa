import Foundation

/// Short, stable ids derived from identifiers that must not be used as ids themselves (e-mails, names).
///
/// FNV-1a (64-bit) of the normalised text: stable across runs and machines, so re-imports map the same
/// person to the same id. Not a secret: the e-mail is kept in the customer record anyway; the point is
/// that ids printed in reports, URLs and logs do not spell out an e-mail address.
public enum StableID {
    public static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The customer id for an e-mail address: `c-` and 16 hex digits.
    public static func customer(email: String) -> CustomerID {
        "c-" + hash(email.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The id of a guest (no e-mail), from whatever identifies them on the order.
    public static func guest(_ parts: [String]) -> CustomerID {
        "guest-" + hash(parts.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.joined(separator: "|"))
    }
}
