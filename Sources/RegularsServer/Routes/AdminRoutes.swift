import Foundation
import Hummingbird
import RegularsData
import RegularsRecommend

/// `POST /v1/admin/train` (secret key): trains a new model version on the store as it is now and serves it.
struct AdminRoutes: Sendable {
    let services: AppServices

    func add(to group: RouterGroup<AppContext>) {
        group.post("admin/train", use: train)
        group.post("admin/dashboard-link", use: dashboardLink)
    }

    struct Trained: ResponseEncodable {
        var version: Int
        var asOf: String
        var trainedAt: String
        var customers, products, orders: Int
        var trainingSeconds: [String: Double]

        enum CodingKeys: String, CodingKey {
            case version, customers, products, orders
            case asOf = "as_of"
            case trainedAt = "trained_at"
            case trainingSeconds = "training_seconds"
        }
    }

    @Sendable func train(_ request: Request, context: AppContext) async throws -> Trained {
        guard let trainer = services.trainer else {
            throw APIError(.serviceUnavailable, "this server has no store file to train from")
        }
        let outcome = try await trainer.train(asOf: services.asOf())
        return Trained(
            version: outcome.version, asOf: Timestamp.iso(Int64(outcome.asOf.timeIntervalSince1970)),
            trainedAt: Timestamp.iso(Int64(outcome.trainedAt.timeIntervalSince1970)), customers: outcome.customers,
            products: outcome.products, orders: outcome.orders, trainingSeconds: outcome.trainingSeconds)
    }

    struct DashboardLink: ResponseEncodable {
        /// A path on this server; open it in a browser once, before `expires_at`.
        var url: String
        var expiresAt: String

        enum CodingKeys: String, CodingKey {
            case url
            case expiresAt = "expires_at"
        }
    }

    /// A one-time sign-in link to the dashboard, for a secret-key holder who wants to open it in a browser.
    @Sendable func dashboardLink(_ request: Request, context: AppContext) async throws -> DashboardLink {
        let link = services.dashboardSessions.makeLink(now: Date(), keyHash: context.keyHash)
        return DashboardLink(
            url: "/dashboard/login?once=\(link.token)", expiresAt: Timestamp.iso(Int64(link.expires.timeIntervalSince1970)))
    }
}
