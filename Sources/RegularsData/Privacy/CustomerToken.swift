import Crypto
import Foundation

/// Proof that the shop's backend vouches for "this visitor is customer X", for requests made with a public
/// key from a browser. Without it anyone could copy the public key from a page and ask for another
/// customer's personal recommendations, whose reasons name their purchases.
///
/// The token is `DAY.MAC`: the day it expires (days since 1970) and HMAC-SHA256 of the customer id and that day
/// under the store's token key, base64url, 22 characters. The shop's backend gets it from
/// `GET /v1/customers/{id}/token` (or computes it with the same key) and puts it on the page beside the customer
/// id. It expires after `lifetimeDays`, and `regulars keys rotate-customer-tokens` kills every token at once (a
/// new key); an erased customer's token names nobody the models know.
public enum CustomerToken {
    public static let lifetimeDays: Int64 = 30

    /// A token for `customer` valid until the end of the day `lifetimeDays` after `now`.
    public static func make(customer: CustomerID, key: [UInt8], now: Date) -> String {
        make(customer: customer, key: key, expiresDay: Int64(now.timeIntervalSince1970) / 86_400 + lifetimeDays)
    }

    static func make(customer: CustomerID, key: [UInt8], expiresDay: Int64) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(customer)|\(expiresDay)".utf8), using: SymmetricKey(data: key))
        return "\(expiresDay)."
            + Data(Array(mac).prefix(16)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// When `token` expires (the end of its day), or `nil` when it is not a token's shape.
    public static func expiry(of token: String) -> Date? {
        guard let dot = token.firstIndex(of: "."), let day = Int64(token[..<dot]) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval((day + 1) * 86_400))
    }

    /// Whether `token` is an unexpired token of `customer`, compared in constant time.
    public static func isValid(_ token: String, customer: CustomerID, key: [UInt8], now: Date) -> Bool {
        guard let dot = token.firstIndex(of: "."), let day = Int64(token[..<dot]),
            day >= Int64(now.timeIntervalSince1970) / 86_400
        else { return false }
        return ConstantTime.equal(make(customer: customer, key: key, expiresDay: day).utf8, token.utf8)
    }
}
