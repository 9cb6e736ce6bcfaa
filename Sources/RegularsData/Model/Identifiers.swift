/// A customer's id as the shop knows it (Shopify's customer id, an e-mail-derived guest id, a POS number).
public typealias CustomerID = String
/// A product's stock-keeping unit as the shop knows it.
public typealias SKU = String
/// An order's id as the shop knows it (Shopify's order name such as `#1001`, an invoice number).
public typealias OrderID = String

/// A dense index of a customer inside one `Snapshot`: 0..<customerCount.
public typealias CustomerIndex = Int32
/// A dense index of a product inside one `Snapshot`: 0..<productCount.
public typealias ProductIndex = Int32
