import Foundation
import RegularsData

/// Hand-made order books for the model tests: each basket is one order, one day apart, in the order given.
enum TinyShop {
    static let start: Int64 = 1_700_000_000

    /// `baskets[customer]` lists that customer's orders, oldest first, each a list of SKUs.
    static func lines(_ baskets: [String: [[String]]]) -> [SnapshotBuilder.Line] {
        var lines: [SnapshotBuilder.Line] = []
        for (customer, orders) in baskets.sorted(by: { $0.key < $1.key }) {
            for (k, basket) in orders.enumerated() {
                for sku in basket {
                    lines.append(
                        SnapshotBuilder.Line(
                            orderID: "\(customer)-\(k)", customerID: customer, orderedAt: start + Int64(k) * 86_400,
                            sku: sku, quantity: 1, unitPrice: 10_000))
                }
            }
        }
        return lines
    }

    static func snapshot(_ baskets: [String: [[String]]]) -> Snapshot {
        var builder = SnapshotBuilder(asOf: asOf)
        for line in lines(baskets) { builder.add(line: line) }
        return builder.build()
    }

    /// A moment after every order of `lines`.
    static let asOf = Date(timeIntervalSince1970: TimeInterval(start + 365 * 86_400))
}
