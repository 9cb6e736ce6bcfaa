import Foundation
import RegularsContent
import RegularsData
import RegularsSegments

/// `GET /v1/banner?customer=C-17&customer_token=…&session=SKU1,SKU2&source=instagram` (public or secret key).
struct BannerRoutes: Sendable {
    let services: AppServices

    /// openapi.yaml's `Banner`, standing in for the generated type: it writes `category`, `source`, `audience`
    /// and `reason` as `null` rather than leaving them out.
    struct BannerJSON: Codable, Hashable, Sendable {
        struct Product: Codable, Hashable, Sendable {
            var sku: String
            var title: String
            var price: Double?
            var url: String
            var reason: String

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(sku, forKey: .sku)
                try c.encode(title, forKey: .title)
                try c.encode(price, forKey: .price)
                try c.encode(url, forKey: .url)
                try c.encode(reason, forKey: .reason)
            }
        }
        var headline: String
        var subline: String
        var cta: String
        var link: String
        var category: String?
        var angle: String?
        var source: String?
        var products: [Product]
        var audience: String?
        var reason: String?
        var modelVersion: Int

        enum CodingKeys: String, CodingKey {
            case headline, subline, cta, link, category, angle, source, products, audience, reason
            case modelVersion = "model_version"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(headline, forKey: .headline)
            try c.encode(subline, forKey: .subline)
            try c.encode(cta, forKey: .cta)
            try c.encode(link, forKey: .link)
            try c.encode(category, forKey: .category)
            try c.encode(angle, forKey: .angle)
            try c.encode(source, forKey: .source)
            try c.encode(products, forKey: .products)
            try c.encode(audience, forKey: .audience)
            try c.encode(reason, forKey: .reason)
            try c.encode(modelVersion, forKey: .modelVersion)
        }
    }

    /// The banner, or `nil` when its copy fails the fact check: the page shows none (204) rather than wrong copy.
    func banner(_ input: Operations.Banner.Input) async throws -> BannerJSON? {
        let query = input.query
        var customer = try RecommendationRoutes.vouched(
            try RecommendationRoutes.text(query.customer, "customer"), token: query.customerToken, services: services)
        var session = try RecommendationRoutes.list(query.session, "session")
        let source = try RecommendationRoutes.text(query.source, "source").flatMap(TrafficSource.recognise)
        // As for recommendations: Global Privacy Control, the permanent holdout, opted-out and erased customers
        // get what an anonymous visitor gets.
        if input.headers.secGPC?.trimmingCharacters(in: .whitespaces) == "1" {
            customer = nil
            session = []
        }
        if services.experiments.isHeldOut(customer, at: services.now()) { customer = nil }
        guard let registry = services.models, let loaded = registry.loaded.current else {
            throw APIError(.serviceUnavailable, "no models trained yet; run `regulars train`")
        }
        if let id = customer, !registry.personalizes(id) { customer = nil }
        let insights = try await services.insights.current()
        let segment = customer.flatMap { insights.report.prediction(for: $0)?.primarySegment }
        let composer: BannerComposer
        do {
            composer = try services.banners.composer(
                shop: services.shop, loaded: loaded, snapshot: insights.snapshot, asOf: insights.asOf)
        } catch is ContentFileError {
            throw APIError(
                .serviceUnavailable, "the shop's voice file or templates cannot be read; `regulars banners` says why")
        }
        let banner = composer.banner(
            segment: segment, customer: segment == nil ? nil : customer, session: session, source: source,
            asOf: insights.asOf)
        // The shop's own catalog decides this (a sensitive product's title inside the copy, a phrase with a word the
        // voice avoids), not the request: no banner, and the dashboard says why.
        guard banner.problems.isEmpty else { return nil }
        // What could tell a page's reader which segment the visitor is in (the angle, the audience, the owner's
        // reason) goes to the shop's backend only.
        let secret = PresentedKey.current?.scope == .secret
        return BannerJSON(
            headline: banner.headline, subline: banner.subline, cta: banner.cta, link: banner.link,
            category: banner.category, angle: secret ? banner.angle.rawValue : nil, source: banner.source,
            products: banner.products.map {
                .init(sku: $0.sku, title: $0.title, price: $0.price?.doubleValue, url: $0.url, reason: $0.reason)
            }, audience: secret ? banner.audience : nil, reason: secret ? banner.reason : nil,
            modelVersion: loaded.version)
    }
}
