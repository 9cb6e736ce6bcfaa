import Foundation
import RegularsData

/// One purchase outside a `Snapshot`: who, when and how much, as in the CDNOW transaction log.
public struct CustomerTransaction: Sendable, Hashable, Codable {
    public var customerID: CustomerID
    /// When it happened; only its UTC calendar day matters to the summaries.
    public var date: Date
    public var amount: Money

    public init(customerID: CustomerID, date: Date, amount: Money) {
        self.customerID = customerID
        self.date = date
        self.amount = amount
    }
}
