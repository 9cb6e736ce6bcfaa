import Foundation
import Hummingbird
import RegularsData
import RegularsSegments

/// Back-office and privacy routes of one customer: `GET`, `DELETE /v1/customers/{id}` and
/// `POST /v1/customers/{id}/opt-out`. Answers carry ids, segments and numbers, never e-mails or names.
struct CustomerRoutes: Sendable {
    let services: AppServices

    func add(to group: RouterGroup<AppContext>) {
        group.get("customers/{id}", use: show)
        group.get("customers/{id}/token", use: token)
        group.delete("customers/{id}", use: erase)
        group.post("customers/{id}/opt-out", use: optOut)
    }

    struct CustomerResponse: ResponseEncodable {
        struct Line: Codable {
            var sku: String
            var title: String
            var quantity: Int
            var unitPrice: Double

            enum CodingKeys: String, CodingKey {
                case sku, title, quantity
                case unitPrice = "unit_price"
            }
        }
        struct RecentOrder: Codable {
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

    @Sendable func show(_ request: Request, context: AppContext) async throws -> CustomerResponse {
        let id = try UpsertRoutes.pathID(context, "id")
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

    struct Erased: ResponseEncodable {
        var customerFound: Bool
        var ordersRemoved: Int
        var linesRemoved: Int
        var eventsRemoved: Int

        enum CodingKeys: String, CodingKey {
            case customerFound = "customer_found"
            case ordersRemoved = "orders_removed"
            case linesRemoved = "lines_removed"
            case eventsRemoved = "events_removed"
        }
    }

    /// Erasure, as `regulars forget`: events, then record, orders and lines; the id (and e-mail) go on the
    /// suppression list. Answers 200 even for an unknown id, which is suppressed all the same.
    @Sendable func erase(_ request: Request, context: AppContext) async throws -> Erased {
        let id = try UpsertRoutes.pathID(context, "id")
        let events = try services.store.forgetEvents(customer: id)
        let report = try services.store.forget(customer: id, at: services.now())
        services.models?.stopPersonalizing(customer: report.customerID ?? id)
        await services.insights.invalidate()
        if report.customerFound { await services.trainer?.retrainAfterErasure(asOf: services.asOf()) }
        return Erased(
            customerFound: report.customerFound, ordersRemoved: report.ordersRemoved, linesRemoved: report.linesRemoved,
            eventsRemoved: events)
    }

    struct OptedOut: ResponseEncodable {
        var customerID: String
        var optedOut: Bool
        enum CodingKeys: String, CodingKey {
            case customerID = "customer_id"
            case optedOut = "opted_out"
        }
    }

    @Sendable func optOut(_ request: Request, context: AppContext) async throws -> OptedOut {
        let id = try UpsertRoutes.pathID(context, "id")
        // The path may name the customer by e-mail: personalization stops for the id it resolves to.
        guard let customerID = try services.store.optOut(customer: id) else {
            throw APIError(.notFound, "no such customer", field: "id")
        }
        services.models?.stopPersonalizing(customer: customerID)
        await services.insights.invalidate()
        return OptedOut(customerID: id, optedOut: true)
    }

    struct Token: ResponseEncodable {
        var customerID: String
        var token: String
        enum CodingKeys: String, CodingKey {
            case token
            case customerID = "customer_id"
        }
    }

    /// The `customer_token` that lets a page with a public key personalize for this customer.
    @Sendable func token(_ request: Request, context: AppContext) async throws -> Token {
        let id = try UpsertRoutes.pathID(context, "id")
        // An erased customer is gone: no token that would let a page name them again.
        guard try !services.store.write({ try $0.isSuppressed(customerID: id, email: nil) }) else {
            throw APIError(.notFound, "no such customer: erased", field: "id")
        }
        return Token(customerID: id, token: CustomerToken.make(customer: id, key: services.customerTokenKey))
    }
}
