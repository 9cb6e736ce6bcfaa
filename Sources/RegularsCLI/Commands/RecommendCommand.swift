import ArgumentParser
import Foundation
import RegularsData
import RegularsRecommend
import RegularsShop

struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Show what a placement would recommend, with score, source model and reason.",
        discussion: """
            Uses the latest trained models (`regulars train`) and the rules file beside the store \
            (shop.sqlite → shop.rules.json, edited with `regulars rules`). Placements: \(Placement.names).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Where the list is shown: \(Placement.names).")
    var placement: String
    @Option(help: "The customer's id (as in the store). Omit for an anonymous visitor.")
    var customer: String?
    @Option(help: "The product being viewed (SKU).")
    var product: String?
    @Option(help: "SKUs in the cart, comma separated.")
    var cart: String?
    @Option(help: "SKUs viewed in this session, oldest first, comma separated.")
    var session: String?
    @Option(help: "The visit's referral (utm_source).")
    var source: String?
    @Option(help: "The visit's campaign (utm_campaign).")
    var campaign: String?
    @Option(
        name: .customLong("page-type"),
        help: "The kind of page: \(PageType.allCases.map(\.rawValue).joined(separator: ", ")); it shifts the recipe.")
    var pageType: String?
    @Option(help: "What the page is about (an article's title or tags, a search): its words pick products.")
    var topic: String?
    @Option(name: .customLong("n"), help: "How many recommendations.")
    var count = 10
    @Flag(name: .customLong("exclude-owned"), help: "Leave out what the customer already bought (a discovery list).")
    var excludeOwned = false
    @Flag(help: "Also show which merchandising rules fired (pinned, boosted, excluded, capped).")
    var explain = false

    func validate() throws {
        guard Placement(rawValue: placement) != nil else {
            throw ValidationError("unknown placement '\(placement)'; expected one of \(Placement.names)")
        }
        guard (1...200).contains(count) else { throw ValidationError("--n: expected a number from 1 to 200") }
        if let pageType, PageType(rawValue: pageType) == nil {
            throw ValidationError(
                "--page-type: unknown '\(pageType)'; expected one of "
                    + PageType.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        let shop = try global.openShop()
        let recommender: Recommender
        do { recommender = try shop.recommender() } catch let error as ShopError {
            throw ValidationError(error.description)
        }
        var request = RecommendationRequest(
            placement: Placement(rawValue: placement)!, customer: customer, product: product,
            cart: Self.skus(cart), session: Self.skus(session),
            referral: source == nil && campaign == nil ? nil : ReferralSource(source: source, campaign: campaign),
            pageType: pageType.flatMap(PageType.init(rawValue:)), topic: topic, limit: count,
            excludeOwned: excludeOwned, asOf: try global.asOf(shop))
        request.stated = try customer.flatMap { try shop.statedPreferences()[$0] }
        let list: RecommendationList
        do {
            list = try recommender.recommend(request)
        } catch let error as RecommendationError {
            throw ValidationError(error.description)
        }
        if global.json {
            print(try Output.json(RecommendJSON(list, explain: explain)))
        } else {
            print(Self.text(list, explain: explain))
        }
    }

    static func skus(_ text: String?) -> [SKU] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// One line per item: rank, SKU, title, price, score, model, reason; then the rules that fired.
    static func text(_ list: RecommendationList, explain: Bool) -> String {
        var lines: [String] = []
        if list.items.isEmpty { lines.append("No recommendations for \(list.placement).") }
        for (rank, item) in list.items.enumerated() {
            let title = item.title.count > 38 ? String(item.title.prefix(37)) + "…" : item.title
            let price = item.price?.description ?? "-"
            let rules = item.rules.isEmpty ? "" : "  [\(item.rules.joined(separator: ", "))]"
            let date = item.suggestedDate.map { "  (from \(Timestamp.isoDay(Int64($0.timeIntervalSince1970))))" } ?? ""
            let columns = [
                pad(String(rank + 1) + ".", 3, right: true), pad(item.sku, 16), pad(title, 38),
                pad(price, 8, right: true),
                String(format: "%6.3f", item.score), pad(item.model, 13), item.reason + date + rules,
            ]
            lines.append(columns.joined(separator: " "))
        }
        if explain {
            lines.append("")
            lines.append(list.events.isEmpty ? "No rules fired." : "Rules fired:")
            for event in list.events { lines.append("  \(event)") }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` padded with spaces to `width` characters, on the left when `right`.
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    struct RecommendJSON: Encodable {
        struct Item: Encodable {
            var sku: String
            var title: String
            var price: Double?
            var score: Double
            var model: String
            var reason: String
            /// P(the customer buys it within 30 days), when the learned ranker scored it.
            var probability: Double?
            /// E-mails: when the item fits best (a restock's due date, a next step's reach-out date).
            var suggestedDate: String?
            var rules: [String]?
        }
        struct Event: Encodable {
            var rule: String
            var sku: String
            var detail: String
        }
        var placement: String
        var personalized: Bool
        var items: [Item]
        var rulesFired: [Event]?

        init(_ list: RecommendationList, explain: Bool) {
            placement = list.placement.rawValue
            personalized = list.personalized
            items = list.items.map {
                Item(
                    sku: $0.sku, title: $0.title, price: $0.price.map { Double($0.description) ?? $0.doubleValue },
                    score: ($0.score * 10_000).rounded() / 10_000, model: $0.model, reason: $0.reason,
                    probability: $0.probability.map { ($0 * 10_000).rounded() / 10_000 },
                    suggestedDate: $0.suggestedDate.map { Timestamp.isoDay(Int64($0.timeIntervalSince1970)) },
                    rules: explain ? $0.rules : nil)
            }
            rulesFired =
                explain ? list.events.map { Event(rule: $0.kind.rawValue, sku: $0.sku, detail: $0.detail) } : nil
        }
    }
}
