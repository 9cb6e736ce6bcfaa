import RegularsData

/// The privacy rules of recommendations, in one place.
///
/// - A sensitive product (`SnapshotProduct.sensitive`: health, pregnancy, intimate …) is never the
///   *reason* for another item: it is never used as an anchor (cart, session, purchase history), and a
///   candidate whose reason names one is dropped.
/// - E-mail placements never carry a sensitive product.
/// - A customer who opted out of personalization (`Customer.optedOut`) is served as an anonymous visitor:
///   the same request without the customer, so the list is exactly the anonymous one.
public struct PrivacyGuard: Sendable {
    let sensitive: [Bool]
    let optedOut: [Bool]

    public init(snapshot: Snapshot) {
        sensitive = snapshot.products.map(\.sensitive)
        optedOut = snapshot.customers.map(\.optedOut)
    }

    /// Whether `product` is sensitive.
    @inline(__always) public func isSensitive(_ product: ProductIndex) -> Bool {
        let p = Int(product)
        return p >= 0 && p < sensitive.count && sensitive[p]
    }

    /// Whether `customer` may get personal recommendations.
    public func personalizes(_ customer: CustomerIndex) -> Bool {
        let c = Int(customer)
        return c >= 0 && c < optedOut.count && !optedOut[c]
    }

    /// `products` without the sensitive ones, in order: what may serve as anchors of a reason.
    public func anchors(_ products: [ProductIndex]) -> [ProductIndex] {
        products.filter { !isSensitive($0) }
    }

    /// Whether `reason` may be given: it names no sensitive product.
    public func allows(_ reason: Reason) -> Bool {
        guard let anchor = reason.anchor else { return true }
        return !isSensitive(anchor)
    }

    /// Whether `product` may be shown in `placement` at all.
    public func allows(_ product: ProductIndex, in placement: Placement) -> Bool {
        !(placement.isEmail && isSensitive(product))
    }
}
