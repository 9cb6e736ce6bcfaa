import Foundation
import RegularsData

extension DemoShop {
    /// The shop as the models see it after an import: a snapshot at the end of its last day, without the
    /// cancelled and refunded orders the Shopify importer skips. Lets tests train on the demo without a store.
    public func snapshot() -> Snapshot { snapshot(asOf: settings.lastDay.addingTimeInterval(DayNumber.interval)) }

    /// The shop as it was at `asOf`: only the orders before it.
    public func snapshot(asOf: Date) -> Snapshot {
        let skipped = Set(cancelledOrderIDs + refundedOrderIDs)
        var builder = SnapshotBuilder(asOf: asOf)
        for product in products { builder.add(product: product) }
        for customer in customers { builder.add(customer: customer) }
        for demoOrder in orders where !skipped.contains(demoOrder.order.id) {
            let order = demoOrder.order
            for line in demoOrder.lines {
                builder.add(
                    line: .init(
                        orderID: order.id, customerID: order.customerID,
                        orderedAt: Int64(order.createdAt.timeIntervalSince1970), sku: line.sku,
                        productName: line.productName, quantity: Int32(line.quantity), unitPrice: line.unitPrice.units))
            }
        }
        return builder.build()
    }
}
