import Crypto
import Foundation

/// The token of a preference-page link in a re-engagement e-mail: whoever holds the link may state that customer's
/// preferences until it expires, nobody can make one for another customer, and nobody who sees the link (a click
/// tracker, a proxy log) learns whose it is.
///
/// The expiry day and the customer id sealed with ChaCha20-Poly1305 under a key of its own, derived from the store's
/// token key (so a page's customer token and a preference link can never stand for each other), base64url.
/// `regulars keys rotate-customer-tokens` ends every link at once.
public enum PreferenceLink {
    /// Long enough for an e-mail read a few weeks late.
    public static let lifetimeDays: Int64 = 60

    public static func token(customer: CustomerID, key: [UInt8], now: Date) -> String {
        token(customer: customer, key: key, expiresDay: Int64(now.timeIntervalSince1970) / 86_400 + lifetimeDays)
    }

    static func token(customer: CustomerID, key: [UInt8], expiresDay: Int64) -> String {
        let message = Data("\(expiresDay)|\(customer)".utf8)
        // Sealing only fails for a key of the wrong size; ours is always 32 bytes.
        let sealed = try! ChaChaPoly.seal(message, using: linkKey(key))
        return base64url(sealed.combined)
    }

    /// The customer a token names, when it opens under the key and has not expired.
    public static func customer(in token: String, key: [UInt8], now: Date) -> CustomerID? {
        guard token.utf8.count <= 600, let data = decode(token), let box = try? ChaChaPoly.SealedBox(combined: data),
            let opened = try? ChaChaPoly.open(box, using: linkKey(key))
        else { return nil }
        let text = String(decoding: opened, as: UTF8.self)
        guard let bar = text.firstIndex(of: "|"), let day = Int64(text[..<bar]),
            day >= Int64(now.timeIntervalSince1970) / 86_400
        else { return nil }
        let customer = String(text[text.index(after: bar)...])
        return customer.isEmpty ? nil : customer
    }

    /// The links' own key: HMAC-SHA256 of a fixed label under the token key.
    static func linkKey(_ key: [UInt8]) -> SymmetricKey {
        SymmetricKey(
            data: Data(
                HMAC<SHA256>.authenticationCode(
                    for: Data("regulars preference link".utf8), using: SymmetricKey(data: key))))
    }

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
