import Crypto
import Foundation

/// Proof that the shop's backend vouches for "this visitor is customer X", for requests made with a public
/// key from a browser. Without it anyone could copy the public key from a page and ask for another
/// customer's personal recommendations, whose reasons name their purchases.
///
/// The token is HMAC-SHA256 of the customer id under the store's token key, base64url, 22 characters: the
/// shop's backend gets it from `GET /v1/customers/{id}/token` (or computes it with the same key) and puts
/// it on the page beside the customer id.
public enum CustomerToken {
    public static func make(customer: CustomerID, key: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(customer.utf8), using: SymmetricKey(data: key))
        return Data(Array(mac).prefix(16)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether `token` is the token of `customer`, compared in constant time.
    public static func isValid(_ token: String, customer: CustomerID, key: [UInt8]) -> Bool {
        ConstantTime.equal(make(customer: customer, key: key).utf8, token.utf8)
    }
}
