import Foundation

/// A person who ordered (or may order) from the shop.
public struct Customer: Sendable, Hashable, Codable {
    public var id: CustomerID
    public var email: String?
    public var firstName: String?
    public var acceptsMarketing: Bool
    public var createdAt: Date?
    /// Opted out of personalization: gets non-personal recommendations only.
    public var optedOut: Bool

    public init(
        id: CustomerID, email: String? = nil, firstName: String? = nil, acceptsMarketing: Bool = false,
        createdAt: Date? = nil, optedOut: Bool = false
    ) {
        self.id = id
        self.email = email
        self.firstName = firstName
        self.acceptsMarketing = acceptsMarketing
        self.createdAt = createdAt
        self.optedOut = optedOut
    }
}
