extension Snapshot {
    /// Every order line as a builder line again, for back-tests that re-split a store's history by time.
    public var builderLines: [SnapshotBuilder.Line] {
        var lines: [SnapshotBuilder.Line] = []
        lines.reserveCapacity(lineCount)
        for line in 0..<lineCount {
            let order = Int(lineOrder[line])
            let product = products[Int(lineProduct[line])]
            lines.append(
                SnapshotBuilder.Line(
                    orderID: orderIDs[order], customerID: customers[Int(orderCustomer[order])].id,
                    orderedAt: orderTime[order], sku: product.sku, productName: product.title,
                    category: product.category >= 0 ? categories[Int(product.category)] : nil,
                    quantity: lineQuantity[line], unitPrice: lineUnitPrice[line]))
        }
        return lines
    }
}
