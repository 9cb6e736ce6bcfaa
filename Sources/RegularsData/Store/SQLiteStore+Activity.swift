import Foundation
import GRDB

/// What the recommendations of one placement did over a period: shown, clicked, and the purchases that
/// followed a click on the same product (same customer or session, within `RecommendationActivity.window`).
public struct RecommendationActivity: Sendable, Hashable, Codable {
    /// A click counts towards a purchase of the same product made at most this long after it.
    public static let window: Int64 = 7 * DayNumber.seconds

    /// The events' `source`: the placement (or campaign) the recommendation was shown in.
    public var placement: String
    public var impressions: Int
    public var clicks: Int
    public var attributedPurchases: Int
    /// The catalog price of each attributed purchase, summed.
    public var attributedRevenue: Money

    public init(placement: String, impressions: Int, clicks: Int, attributedPurchases: Int, attributedRevenue: Money) {
        self.placement = placement
        self.impressions = impressions
        self.clicks = clicks
        self.attributedPurchases = attributedPurchases
        self.attributedRevenue = attributedRevenue
    }

    /// Clicks per impression, `nil` before the first impression.
    public var clickThroughRate: Double? { impressions > 0 ? Double(clicks) / Double(impressions) : nil }
}

extension SQLiteStore {
    public func recommendationActivity(since: Int64) throws -> [RecommendationActivity] {
        try writer.read { db in
            var byPlacement: [String: RecommendationActivity] = [:]
            func entry(_ placement: String) -> RecommendationActivity {
                byPlacement[placement]
                    ?? RecommendationActivity(
                        placement: placement, impressions: 0, clicks: 0, attributedPurchases: 0,
                        attributedRevenue: .zero)
            }
            let shown = try GRDB.Row.fetchAll(
                db,
                sql: """
                    SELECT coalesce(source, 'unknown'), sum(type = 'rec_impression'), sum(type = 'rec_click') FROM event
                    WHERE type IN ('rec_impression', 'rec_click') AND at >= ? GROUP BY 1
                    """, arguments: [since])
            for row in shown {
                var item = entry(row[0])
                item.impressions = row[1]
                item.clicks = row[2]
                byPlacement[item.placement] = item
            }
            // Each purchase goes to the latest click on its product before it, so it is counted once.
            let bought = try GRDB.Row.fetchAll(
                db,
                sql: """
                    SELECT placement, count(*), sum(coalesce(price, 0)) FROM (
                        SELECT (SELECT coalesce(c.source, 'unknown') FROM event c
                                WHERE c.type = 'rec_click' AND c.sku = p.sku AND c.at <= p.at AND c.at >= p.at - ?
                                  AND ((p.customerId IS NOT NULL AND c.customerId = p.customerId)
                                    OR (p.sessionId IS NOT NULL AND c.sessionId = p.sessionId))
                                ORDER BY c.at DESC LIMIT 1) AS placement,
                               product.price AS price
                        FROM event p LEFT JOIN product ON product.sku = p.sku
                        WHERE p.type = 'purchase' AND p.sku IS NOT NULL AND p.at >= ?
                    ) WHERE placement IS NOT NULL GROUP BY placement
                    """, arguments: [RecommendationActivity.window, since])
            for row in bought {
                var item = entry(row[0])
                item.attributedPurchases = row[1]
                item.attributedRevenue = Money(units: row[2])
                byPlacement[item.placement] = item
            }
            return byPlacement.values.sorted { $0.placement < $1.placement }
        }
    }
}
