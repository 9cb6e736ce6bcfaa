import Crypto
import Foundation

/// The opaque token an e-mail's links carry (`rg=`): it names one campaign's send to one customer without their
/// id or address appearing in a URL, analytics or a referrer. The store maps it back (`Store.emailSend(token:)`).
///
/// Derived, not random: composing the same campaign again gives the same tokens, so its sends are recorded once.
public enum RecipientToken {
    public static func make(campaign: String, customer: CustomerID, key: [UInt8]) -> String {
        let message = Data(("send\u{0}" + campaign + "\u{0}" + customer).utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        return Data(Array(mac).prefix(12)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
