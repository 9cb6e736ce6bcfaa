import Foundation
import RegularsData
import RegularsRecommend
import RegularsSegments

/// What a sales associate reads before a valued customer's visit: their history in brief, three ways to
/// start a conversation, and three picks with reasons.
///
/// Built from explicit signals only (purchases and the models' predictions); never a sensitive product.
public struct ClientelingBrief: Sendable, Hashable, Codable {
    public struct Purchase: Sendable, Hashable, Codable {
        public var date: String
        public var title: String
        public var category: String?
    }
    public struct Pick: Sendable, Hashable, Codable {
        public var sku: SKU
        public var title: String
        public var price: String?
        public var reason: String
    }

    public var customerID: CustomerID
    public var segments: [String]
    public var primarySegment: String?
    public var orders: Int
    public var totalSpend: String
    public var daysSinceLastOrder: Int
    public var favouriteCategories: [String]
    public var lastPurchases: [Purchase]
    public var probabilityAlive: Double?
    public var predictedValue: String?
    public var conversationStarters: [String]
    public var picks: [Pick]
    /// What they told the shop on the preference page, in words; empty when they have not.
    public var stated: [String] = []

    enum CodingKeys: String, CodingKey {
        case segments, orders, picks, stated
        case customerID = "customer_id"
        case primarySegment = "primary_segment"
        case totalSpend = "total_spend"
        case daysSinceLastOrder = "days_since_last_order"
        case favouriteCategories = "favourite_categories"
        case lastPurchases = "last_purchases"
        case probabilityAlive = "probability_alive"
        case predictedValue = "predicted_value"
        case conversationStarters = "conversation_starters"
    }

    /// The brief of `customer`, or `nil` when they have no orders before `asOf`.
    public static func make(
        customer: CustomerIndex, snapshot: Snapshot, prediction: CustomerPrediction, recommender: Recommender,
        voice: BrandVoice, asOf: Date, stated: StatedPreferences? = nil
    ) -> ClientelingBrief {
        let catalog = CatalogFacts(snapshot: snapshot, voice: voice, handles: [:])
        var spendByCategory: [String: Int64] = [:]
        var purchases: [Purchase] = []
        for line in snapshot.lines(ofCustomer: customer) {
            let product = snapshot.products[Int(snapshot.lineProduct[line])]
            guard !product.sensitive else { continue }
            let category = catalog.category(of: product)
            if let category {
                spendByCategory[category, default: 0] +=
                    snapshot.lineUnitPrice[line] * Int64(snapshot.lineQuantity[line])
            }
            purchases.append(
                Purchase(date: Timestamp.isoDay(snapshot.lineTime(line)), title: product.title, category: category))
        }
        let favourites = spendByCategory.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(3).map(\.key)
        // A customer who opted out of personalization gets the shop's picks, not picks from their history.
        let optedOut = snapshot.customers[Int(customer)].optedOut
        var request = RecommendationRequest(
            placement: .emailPostPurchase, customer: optedOut ? nil : snapshot.customers[Int(customer)].id, limit: 8,
            asOf: asOf)
        request.stated = optedOut ? nil : stated
        let items = (try? recommender.recommend(request))?.items ?? []
        let picks = items.compactMap { catalog.featured(sku: $0.sku, reason: $0.reason) }.prefix(3).map {
            Pick(sku: $0.sku, title: $0.title, price: $0.price.map(voice.price), reason: $0.reason)
        }
        let last = catalog.lastPurchase(of: customer, in: snapshot)
        var brief = ClientelingBrief(
            customerID: prediction.customerID, segments: prediction.segments.map(\.rawValue),
            primarySegment: prediction.primarySegment?.rawValue, orders: prediction.orders,
            totalSpend: voice.price(prediction.totalSpend), daysSinceLastOrder: prediction.daysSinceLastOrder,
            favouriteCategories: favourites, lastPurchases: Array(purchases.suffix(5).reversed()),
            probabilityAlive: prediction.probabilityAlive, predictedValue: prediction.predictedCLV.map(voice.price),
            conversationStarters: starters(
                last: last, favourites: favourites, picks: Array(picks), prediction: prediction),
            picks: Array(picks))
        if let stated { brief.stated = Self.words(stated, voice: voice) }
        return brief
    }

    /// A stated answer as the owner reads it: "Likes Candles, Coffee & tea", "Prices £10 to £25", "Fewer e-mails",
    /// "Told us on 2025-03-02, until 2026-03-02".
    static func words(_ stated: StatedPreferences, voice: BrandVoice) -> [String] {
        var out = stated.words(voice)
        out.append(
            "Told us on \(Timestamp.isoDay(Int64(stated.statedAt.timeIntervalSince1970))), until "
                + Timestamp.isoDay(Int64(stated.expiresAt.timeIntervalSince1970)))
        return out
    }

    /// Three openers: their last purchase and its age, their favourite category, and the first pick.
    static func starters(
        last: LastPurchase?, favourites: [String], picks: [Pick], prediction: CustomerPrediction
    ) -> [String] {
        var out: [String] = []
        if let last {
            out.append("Ask how the \(last.shortTitle) is going, \(TimeInWords.span(days: last.daysAgo)) on.")
        }
        if let category = favourites.first {
            out.append("Mention what's new in \(category), the category they buy from most.")
        }
        if let pick = picks.first {
            out.append("Show the \(pick.title): \(pick.reason.prefix(1).lowercased() + pick.reason.dropFirst()).")
        }
        if prediction.orders >= 3 {
            out.append("Thank them for coming back: this is order number \(prediction.orders + 1).")
        }
        out.append("Ask what they are cooking, making or planning this season.")
        return Array(out.prefix(3))
    }

    /// The brief as a person reads it.
    public var text: String {
        var lines = [
            "Customer \(customerID): "
                + "\(primarySegment.flatMap { LifecycleSegment(rawValue: $0)?.title } ?? "no segment")"
                + (segments.count > 1
                    ? " (also \(segments.filter { $0 != primarySegment }.joined(separator: ", ")))" : "")
        ]
        lines.append(
            "  \(orders) order\(orders == 1 ? "" : "s"), \(totalSpend) in all, last \(daysSinceLastOrder) days ago")
        if let probabilityAlive {
            lines.append(
                String(format: "  P(alive) %.2f", probabilityAlive)
                    + (predictedValue.map { ", predicted value \($0)" } ?? ""))
        }
        if !favouriteCategories.isEmpty {
            lines.append("  Favourite categories: \(favouriteCategories.joined(separator: ", "))")
        }
        lines.append("Last purchases:")
        for p in lastPurchases { lines.append("  \(p.date)  \(p.title)" + (p.category.map { " (\($0))" } ?? "")) }
        if !stated.isEmpty { lines.append("Told us: " + stated.joined(separator: "; ")) }
        lines.append("Conversation starters:")
        for (i, s) in conversationStarters.enumerated() { lines.append("  \(i + 1). \(s)") }
        lines.append("Picks:")
        for (i, p) in picks.enumerated() {
            lines.append("  \(i + 1). \(p.title)" + (p.price.map { " (\($0))" } ?? "") + " — \(p.reason)")
        }
        return lines.joined(separator: "\n")
    }
}
