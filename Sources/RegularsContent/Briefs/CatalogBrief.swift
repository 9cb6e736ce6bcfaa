import Foundation
import RegularsData

/// The one-page description of the catalog a shop keeps for its AI tools (and pastes into the voice's
/// `catalog_brief`): categories, bestsellers, new arrivals and price bands. Sensitive products are counted
/// but never listed.
public struct CatalogBrief: Sendable, Hashable, Codable {
    public struct Category: Sendable, Hashable, Codable {
        public var name: String
        public var products: Int
        public var lowest: String?
        public var highest: String?
        public var sensitive: Bool
    }
    public struct Item: Sendable, Hashable, Codable {
        public var sku: SKU
        public var title: String
        public var category: String?
        public var price: String?
        /// Units sold in the window (bestsellers) or days since added (new arrivals).
        public var figure: Int
    }
    public struct Band: Sendable, Hashable, Codable {
        public var label: String
        public var products: Int
    }

    public var shopName: String
    public var asOf: String
    public var products: Int
    public var categories: [Category]
    public var bestsellers: [Item]
    public var newArrivals: [Item]
    public var priceBands: [Band]

    enum CodingKeys: String, CodingKey {
        case products, categories, bestsellers
        case shopName = "shop_name"
        case asOf = "as_of"
        case newArrivals = "new_arrivals"
        case priceBands = "price_bands"
    }

    /// Bestsellers by units over the last `windowDays`; new arrivals added in the last `newDays`.
    public static func make(snapshot: Snapshot, voice: BrandVoice, windowDays: Int = 90, newDays: Int = 60)
        -> CatalogBrief
    {
        let hasCatalog = snapshot.hasCatalog
        let listed = snapshot.products.indices.filter { snapshot.products[$0].isOfferable(shopHasCatalog: hasCatalog) }
        let name = { (p: SnapshotProduct) in p.category >= 0 ? snapshot.categories[Int(p.category)] : nil }
        var byCategory: [String: [SnapshotProduct]] = [:]
        for p in listed {
            byCategory[name(snapshot.products[p]) ?? "Uncategorised", default: []].append(snapshot.products[p])
        }
        var categories: [Category] = []
        for (key, items) in byCategory {
            let prices: [Money] = items.compactMap(\.price)
            let lowest: String? = prices.min().map { voice.price($0) }
            let highest: String? = prices.max().map { voice.price($0) }
            let sensitive = items.contains(where: \.sensitive)
            categories.append(
                Category(name: key, products: items.count, lowest: lowest, highest: highest, sensitive: sensitive))
        }
        categories.sort { $0.products != $1.products ? $0.products > $1.products : $0.name < $1.name }
        let since = snapshot.asOfSeconds - Int64(windowDays) * DayNumber.seconds
        var units = [Int](repeating: 0, count: snapshot.productCount)
        for line in 0..<snapshot.lineCount where snapshot.lineTime(line) >= since {
            units[Int(snapshot.lineProduct[line])] += Int(snapshot.lineQuantity[line])
        }
        func item(_ index: Int, _ figure: Int) -> Item {
            let p = snapshot.products[index]
            return Item(sku: p.sku, title: p.title, category: name(p), price: p.price.map(voice.price), figure: figure)
        }
        let shareable = listed.filter { !snapshot.products[$0].sensitive }
        let bestsellers = shareable.filter { units[$0] > 0 }.sorted {
            units[$0] != units[$1] ? units[$0] > units[$1] : $0 < $1
        }
        .prefix(10).map { item($0, units[$0]) }
        let newArrivals = shareable.compactMap { index -> (Int, Int)? in
            guard let created = snapshot.products[index].createdAt, snapshot.products[index].status != "draft" else {
                return nil
            }
            let days = Int((snapshot.asOf.timeIntervalSince(created)) / DayNumber.interval)
            return (0..<newDays).contains(days) ? (index, days) : nil
        }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(10).map { item($0.0, $0.1) }
        return CatalogBrief(
            shopName: voice.shopName, asOf: Timestamp.isoDay(snapshot.asOfSeconds), products: listed.count,
            categories: categories, bestsellers: Array(bestsellers), newArrivals: Array(newArrivals),
            priceBands: bands(listed.compactMap { snapshot.products[$0].price }, voice: voice))
    }

    /// Four bands split at the quartiles of the catalog's prices.
    static func bands(_ prices: [Money], voice: BrandVoice) -> [Band] {
        guard prices.count >= 4 else { return [] }
        let sorted = prices.sorted()
        let cuts = [sorted[sorted.count / 4], sorted[sorted.count / 2], sorted[sorted.count * 3 / 4]]
        let count = { (lo: Money?, hi: Money?) in
            sorted.filter { p in (lo.map { p >= $0 } ?? true) && (hi.map { p < $0 } ?? true) }.count
        }
        return [
            Band(label: "under \(voice.price(cuts[0]))", products: count(nil, cuts[0])),
            Band(label: "\(voice.price(cuts[0])) to \(voice.price(cuts[1]))", products: count(cuts[0], cuts[1])),
            Band(label: "\(voice.price(cuts[1])) to \(voice.price(cuts[2]))", products: count(cuts[1], cuts[2])),
            Band(label: "\(voice.price(cuts[2])) and up", products: count(cuts[2], nil)),
        ]
    }

    /// The page, in Markdown.
    public var markdown: String {
        var out = [
            "# \(shopName): catalog brief (\(asOf))", "", "\(products) products in \(categories.count) categories.", "",
            "## Categories", "",
        ]
        for c in categories {
            let range = [c.lowest, c.highest].compactMap { $0 }.joined(separator: " to ")
            out.append(
                "- **\(c.name)**: \(c.products) products" + (range.isEmpty ? "" : ", \(range)")
                    + (c.sensitive ? " (sensitive: never used in e-mails or as a reason)" : ""))
        }
        out += ["", "## Bestsellers (units, last 90 days)", ""]
        out += bestsellers.enumerated().map {
            "\($0 + 1). \($1.title)" + ($1.price.map { " — \($0)" } ?? "") + " (\($1.figure) sold)"
        }
        out += ["", "## New arrivals", ""]
        out +=
            newArrivals.isEmpty
            ? ["None in the last 60 days."]
            : newArrivals.map {
                "- \($0.title)" + ($0.category.map { " (\($0))" } ?? "") + ($0.price.map { " — \($0)" } ?? "")
            }
        out += ["", "## Price bands", ""]
        out += priceBands.map { "- \($0.label): \($0.products) products" }
        return out.joined(separator: "\n") + "\n"
    }
}
