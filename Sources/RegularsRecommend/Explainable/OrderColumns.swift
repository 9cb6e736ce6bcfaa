import RegularsData

/// Read-only views of the snapshot columns that the item-to-item training loops walk, without bounds checks
/// or copies (the hot loops of `ComplementsModel` and `NextStepModel` visit tens of millions of lines).
///
/// Valid only inside `Snapshot.withOrderColumns`.
struct OrderColumns {
    let orderCustomer: UnsafeBufferPointer<CustomerIndex>
    let orderTime: UnsafeBufferPointer<Int64>
    let customerOrderStart: UnsafeBufferPointer<Int32>
    let orderLineStart: UnsafeBufferPointer<Int32>
    let lineProduct: UnsafeBufferPointer<ProductIndex>

    /// Lines of one order.
    @inline(__always) func lines(of order: Int) -> Range<Int> {
        Int(orderLineStart[order])..<Int(orderLineStart[order + 1])
    }

    /// One past the last order of `customer`.
    @inline(__always) func ordersEnd(of customer: CustomerIndex) -> Int { Int(customerOrderStart[Int(customer) + 1]) }
}

extension Snapshot {
    /// Calls `body` with unchecked views of the order columns.
    func withOrderColumns<Result>(_ body: (OrderColumns) -> Result) -> Result {
        orderCustomer.withUnsafeBufferPointer { orderCustomer in
            orderTime.withUnsafeBufferPointer { orderTime in
                customerOrderStart.withUnsafeBufferPointer { customerOrderStart in
                    orderLineStart.withUnsafeBufferPointer { orderLineStart in
                        lineProduct.withUnsafeBufferPointer { lineProduct in
                            body(
                                OrderColumns(
                                    orderCustomer: orderCustomer, orderTime: orderTime,
                                    customerOrderStart: customerOrderStart, orderLineStart: orderLineStart,
                                    lineProduct: lineProduct))
                        }
                    }
                }
            }
        }
    }
}
