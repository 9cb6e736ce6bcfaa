import Foundation

/// A product the shop sells (one row per SKU: a Shopify variant is its own product here).
public struct Product: Sendable, Hashable, Codable {
    public var sku: SKU
    public var title: String
    public var handle: String?
    public var description: String?
    public var vendor: String?
    public var category: String?
    public var tags: [String]
    public var price: Money?
    public var compareAtPrice: Money?
    public var cost: Money?
    /// Units in stock; `nil` when the shop does not track inventory.
    public var inventory: Int?
    /// `active`, `draft` or `archived` (Shopify's words); `nil` when unknown.
    public var status: String?
    public var createdAt: Date?
    /// Health, intimate and similar items: never used as a reason, never e-mailed.
    public var sensitive: Bool

    public init(
        sku: SKU, title: String, handle: String? = nil, description: String? = nil, vendor: String? = nil,
        category: String? = nil, tags: [String] = [], price: Money? = nil, compareAtPrice: Money? = nil,
        cost: Money? = nil, inventory: Int? = nil, status: String? = nil, createdAt: Date? = nil,
        sensitive: Bool = false
    ) {
        self.sku = sku
        self.title = title
        self.handle = handle
        self.description = description
        self.vendor = vendor
        self.category = category
        self.tags = tags
        self.price = price
        self.compareAtPrice = compareAtPrice
        self.cost = cost
        self.inventory = inventory
        self.status = status
        self.createdAt = createdAt
        self.sensitive = sensitive
    }
}
