import Foundation
import RegularsData

extension AttributionReport {
    /// One segment's orders in the period and what recommendations earned among them.
    public struct SegmentGroup: Sendable, Hashable, Codable {
        public var segment: String
        /// Customers of the segment with an order in the period.
        public var customers: Int
        public var orders: Int
        public var revenue: Money
        public var attributedOrders: Int
        public var attributedRevenue: Money
        /// Attributed revenue over the segment's revenue.
        public var recommendedShare: Double? { attributedRevenue.fraction(of: revenue) }
    }

    /// The period's orders grouped by each customer's segment (`segmentOf`, e.g. the primary lifecycle segment
    /// as of the period's end; customers without one are `other`), sorted by revenue, largest first.
    public func bySegment(lines: [PlacedLine], segmentOf: [CustomerID: String]) -> [SegmentGroup] {
        struct Tally {
            var customers = Set<CustomerID>()
            var orders = Set<OrderID>()
            var revenue = Money.zero
            var attributedOrders = Set<OrderID>()
            var attributedRevenue = Money.zero
        }
        var tallies: [String: Tally] = [:]
        let credited = Set(attributedLines.map(\.key))
        for line in PlacedLine.latest(lines) where period.contains(line.at) {
            let segment = line.customerID.flatMap { segmentOf[$0] } ?? "other"
            if let customer = line.customerID { tallies[segment, default: Tally()].customers.insert(customer) }
            tallies[segment, default: Tally()].orders.insert(line.orderID)
            tallies[segment, default: Tally()].revenue = tallies[segment, default: Tally()].revenue + line.revenue
            if credited.contains(line.key) {
                tallies[segment, default: Tally()].attributedOrders.insert(line.orderID)
                tallies[segment, default: Tally()].attributedRevenue =
                    tallies[segment, default: Tally()].attributedRevenue + line.revenue
            }
        }
        return tallies.map { segment, tally in
            SegmentGroup(
                segment: segment, customers: tally.customers.count, orders: tally.orders.count, revenue: tally.revenue,
                attributedOrders: tally.attributedOrders.count, attributedRevenue: tally.attributedRevenue)
        }.sorted { $0.revenue != $1.revenue ? $0.revenue > $1.revenue : $0.segment < $1.segment }
    }
}
