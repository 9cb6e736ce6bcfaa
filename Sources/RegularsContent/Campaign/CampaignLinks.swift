import Foundation
import RegularsData

/// The tags an e-mail's product links carry, so that a click comes back as the recipient's `email_click` and the
/// revenue it leads to counts for the campaign: `utm_source=regulars&utm_medium=email&utm_campaign=NAME`, the
/// product (`rg_sku`) and an opaque recipient token (`rg`, `RecipientToken`) instead of the customer's id.
public struct CampaignLinks: Sendable {
    public var campaign: String
    let key: [UInt8]

    public init(campaign: String, key: [UInt8]) {
        self.campaign = campaign
        self.key = key
    }

    public func token(for customer: CustomerID) -> String {
        RecipientToken.make(campaign: campaign, customer: customer, key: key)
    }

    /// `url` with the campaign's parameters added (after any it has).
    public func tag(_ url: String, customer: CustomerID, sku: SKU) -> String {
        var components = URLComponents(string: url)
        guard components != nil else { return url }
        var items = components?.queryItems ?? []
        items += [
            .init(name: "utm_source", value: "regulars"), .init(name: "utm_medium", value: "email"),
            .init(name: "utm_campaign", value: campaign), .init(name: "rg", value: token(for: customer)),
            .init(name: "rg_sku", value: sku),
        ]
        components?.queryItems = items
        return components?.string ?? url
    }
}
