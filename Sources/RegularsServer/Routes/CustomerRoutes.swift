import Foundation
import RegularsData
import RegularsSegments

/// Back-office and privacy routes of one customer: `GET`, `DELETE /v1/customers/{id}` and
/// `POST /v1/customers/{id}/opt-out`. Answers carry ids, segments and numbers, never e-mails or names.
struct CustomerRoutes: Sendable {
    let services: AppServices

    /// openapi.yaml's `CustomerInsight`, standing in for the generated type: it writes `segment: null` and
    /// `prediction: null` rather than leaving them out.
    struct CustomerResponse: Codable, Hashable, Sendable {
        struct Line: Codable, Hashable, Sendable {
            var sku: String
            var title: String
            var quantity: Int
            var unitPrice: Double

            enum CodingKeys: String, CodingKey {
                case sku, title, quantity
                case unitPrice = "unit_price"
            }
        }
        struct RecentOrder: Codable, Hashable, Sendable {
            var id: String
            var createdAt: String
            var total: Double
            var lines: [Line]

            enum CodingKeys: String, CodingKey {
                case id, total, lines
                case createdAt = "created_at"
            }
        }
        var customerID: String
        var optedOut: Bool
        /// The primary lifecycle segment, `null` without orders.
        var segment: LifecycleSegment?
        var segments: [LifecycleSegment]
        var prediction: CustomerPrediction?
        /// The last ten orders, newest first.
        var recentOrders: [RecentOrder]
        var asOf: String

        enum CodingKeys: String, CodingKey {
            case segment, segments, prediction
            case customerID = "customer_id"
            case optedOut = "opted_out"
            case recentOrders = "recent_orders"
            case asOf = "as_of"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(customerID, forKey: .customerID)
            try c.encode(optedOut, forKey: .optedOut)
            try c.encode(segment, forKey: .segment)
            try c.encode(segments, forKey: .segments)
            try c.encode(prediction, forKey: .prediction)
            try c.encode(recentOrders, forKey: .recentOrders)
            try c.encode(asOf, forKey: .asOf)
        }
    }

    func show(id: String) async throws -> CustomerResponse {
        try TextLimits.check(id, field: "id")
        let insights = try await services.insights.current()
        let snapshot = insights.snapshot
        guard let index = snapshot.customerIndexByID[id] else {
            throw APIError(.notFound, "no such customer", field: "id")
        }
        let prediction = insights.report.prediction(for: id)
        var recent: [CustomerResponse.RecentOrder] = []
        for order in snapshot.orders(of: index).reversed().prefix(10) {
            recent.append(
                .init(
                    id: snapshot.orderIDs[order], createdAt: Timestamp.iso(snapshot.orderTime[order]),
                    total: Money(units: snapshot.orderTotal[order]).doubleValue,
                    lines: snapshot.lines(of: order).map { line in
                        let product = snapshot.products[Int(snapshot.lineProduct[line])]
                        return .init(
                            sku: product.sku, title: product.title, quantity: Int(snapshot.lineQuantity[line]),
                            unitPrice: Money(units: snapshot.lineUnitPrice[line]).doubleValue)
                    }))
        }
        return CustomerResponse(
            customerID: id, optedOut: snapshot.customers[Int(index)].optedOut, segment: prediction?.primarySegment,
            segments: prediction?.segments ?? [], prediction: prediction, recentOrders: recent,
            asOf: Timestamp.iso(Int64(insights.asOf.timeIntervalSince1970)))
    }

    /// Erasure, as `regulars forget` (`Shop.erase`: events, records, orders and lines in one transaction, the id
    /// and e-mail on the suppression list, the files the product wrote cleaned). Answers 200 even for an unknown
    /// id, which is suppressed all the same.
    func erase(id: String) async throws -> Components.Schemas.Erasure {
        try TextLimits.check(id, field: "id")
        let report = try services.shop.erase(customer: id).store
        await services.afterErasure(report, named: id)
        return .init(
            customerFound: report.customerFound, ordersRemoved: report.ordersRemoved, linesRemoved: report.linesRemoved,
            eventsRemoved: report.eventsRemoved)
    }

    func optOut(id: String) async throws -> Components.Schemas.OptedOut {
        try TextLimits.check(id, field: "id")
        // The path may name the customer by e-mail: personalization stops for the id it resolves to.
        guard let customerID = try services.store.optOut(customer: id) else {
            throw APIError(.notFound, "no such customer", field: "id")
        }
        services.models?.stopPersonalizing(customer: customerID)
        await services.insights.invalidate()
        return .init(customerId: id, optedOut: true)
    }

    /// The `customer_token` that lets a page with a public key personalize for this customer.
    func token(id: String) throws -> Components.Schemas.CustomerToken {
        try TextLimits.check(id, field: "id")
        // An erased customer is gone: no token that would let a page name them again.
        guard try !services.store.write({ try $0.isSuppressed(customerID: id, email: nil) }) else {
            throw APIError(.notFound, "no such customer: erased", field: "id")
        }
        let token = CustomerToken.make(customer: id, key: try services.keys.customerTokenKey(), now: services.now())
        return .init(
            customerId: id, token: token,
            expiresAt: CustomerToken.expiry(of: token) ?? services.now())
    }
}
