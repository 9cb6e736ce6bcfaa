import Crypto
import Foundation

/// The signed token of a preference-page link in a re-engagement e-mail: whoever holds the link may state that
/// customer's preferences until it expires, and nobody can make one for another customer.
///
/// `CUSTOMER.DAY.MAC`: the customer id base64url, the day it expires (days since 1970), and HMAC-SHA256 of
/// `preferences|customer|day` under the store's token key (the customer tokens' key, with its own purpose in
/// the message, so a page token cannot be used as a link and back). `regulars keys rotate-customer-tokens`
/// ends every link at once.
public enum PreferenceLink {
    /// Long enough for an e-mail read a few weeks late.
    public static let lifetimeDays: Int64 = 60

    public static func token(customer: CustomerID, key: [UInt8], now: Date) -> String {
        token(customer: customer, key: key, expiresDay: Int64(now.timeIntervalSince1970) / 86_400 + lifetimeDays)
    }

    static func token(customer: CustomerID, key: [UInt8], expiresDay: Int64) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("preferences|\(customer)|\(expiresDay)".utf8), using: SymmetricKey(data: key))
        return base64url(Data(customer.utf8)) + ".\(expiresDay)." + base64url(Data(Array(mac).prefix(16)))
    }

    /// The customer a token names, when it is unexpired and its MAC is right (compared in constant time).
    public static func customer(in token: String, key: [UInt8], now: Date) -> CustomerID? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= 400, parts.count == 3, let day = Int64(parts[1]),
            day >= Int64(now.timeIntervalSince1970) / 86_400, let id = decode(String(parts[0]))
        else { return nil }
        let customer = String(decoding: id, as: UTF8.self)
        let expected = Self.token(customer: customer, key: key, expiresDay: day)
        return ConstantTime.equal(expected.utf8, token.utf8)
            ? customer : nil
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
