import RegularsData

/// One merchandising rule that changed a list, for `--explain`: pinned, boosted, excluded or capped.
public struct RuleEvent: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        case pinned, boosted, excluded, capped
    }

    public var kind: Kind
    public var sku: SKU
    /// What exactly happened: `slot 1`, `×1.5 until 2025-08-01`, `out of stock`, `already owned (durable)`,
    /// `3 already from Cookware`.
    public var detail: String

    public init(_ kind: Kind, sku: SKU, detail: String) {
        self.kind = kind
        self.sku = sku
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue) \(sku): \(detail)" }
}
