import Foundation
import RegularsData
import RegularsRecommend

/// `POST /v1/admin/train` (secret key): trains a new model version on the store as it is now and serves it.
struct AdminRoutes: Sendable {
    let services: AppServices

    func train() async throws -> Components.Schemas.Trained {
        guard let trainer = services.trainer else {
            throw APIError(.serviceUnavailable, "this server has no store file to train from")
        }
        let outcome = try await trainer.train(asOf: services.asOf())
        return .init(
            version: outcome.version, asOf: Self.seconds(outcome.asOf), trainedAt: Self.seconds(outcome.trainedAt),
            customers: outcome.customers, products: outcome.products, orders: outcome.orders,
            trainingSeconds: .init(additionalProperties: outcome.trainingSeconds))
    }

    /// A one-time sign-in link to the dashboard, for a secret-key holder who wants to open it in a browser;
    /// signing in with it lasts as long as the key `keyHash` stays active.
    func dashboardLink(keyHash: [UInt8]?) throws -> Components.Schemas.DashboardLink {
        let link = try services.dashboardSessions.makeLink(now: services.now(), keyHash: keyHash)
        return .init(
            url: "\(services.basePath)/dashboard/login?once=\(link.token)", expiresAt: Self.seconds(link.expires))
    }

    /// Whole seconds, as the answers have always given them.
    static func seconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
