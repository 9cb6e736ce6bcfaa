import Foundation
import RegularsData

/// The demo shop's products (one `Product` per variant) and what the generator and the export need
/// to know about each: its role in the planted patterns, how popular it is, when it can sell.
struct DemoCatalog: Sendable {
    /// Generator-side facts about `products[i]`.
    struct Entry: Sendable {
        var item: Int
        /// 0-based position of the variant within its item.
        var variant: Int
        var role: DemoItem.Role
        var category: DemoCategory
        /// Relative weight when a browsing customer picks within the category; 0 for pattern-only items.
        var popularity: Double
        /// The product can sell from this day (its creation) …
        var firstSaleDay: Int
        /// … until this day (archived products stop selling).
        var lastSaleDay: Int
        /// `false` for drafts and the few active products nobody buys.
        var sellable: Bool
        var grams: Int
        var barcode: String
        /// Images of the item (on its first rows in the products export).
        var imageCount: Int
    }

    let products: [Product]
    let entries: [Entry]
    /// Product indices of each category, in catalog order.
    let productsByCategory: [[Int]]
    /// Product indices of each role, in catalog order.
    let productsByRole: [DemoItem.Role: [Int]]

    /// Builds the catalog for a history running from day `firstDay` to `lastDay` (days since 1970).
    init(random: inout DemoRandom, firstDay: Int, lastDay: Int) {
        let items = Self.items
        // Product-level decisions are taken per item, never for patterned items.
        var plain = items.indices.filter { items[$0].role == .none }
        random.shuffle(&plain)
        let drafts = Set(plain[0..<3])
        let archived = Set(plain[3..<6])
        let duds = Set(plain[6..<9])
        let newArrivals = Set(plain[9..<21])
        let midLaunch = Set(plain[21..<40])
        let onSale = Set(plain[40..<56])

        var products: [Product] = []
        var entries: [Entry] = []
        for (itemIndex, item) in items.enumerated() {
            let created: Int
            if newArrivals.contains(itemIndex) {
                created = lastDay - random.int(in: 2...28)
            } else if midLaunch.contains(itemIndex) || drafts.contains(itemIndex) {
                created = random.int(in: (firstDay + 60)...(lastDay - 60))
            } else {
                created = firstDay - random.int(in: 20...700)
            }
            let status = drafts.contains(itemIndex) ? "draft" : archived.contains(itemIndex) ? "archived" : "active"
            let itemWeight =
                exp(random.normal(mean: 0, sd: 0.7)) * (item.role == .none ? 1 : Self.roleWeight(item.role))
            let grams = item.role == .raisedBed ? random.int(in: 20_000...32_000) : random.int(in: 80...2_400)
            let imageCount = item.optionValues.count + random.int(in: 0...2) - (item.hasVariants ? 1 : 0)
            let description = Self.description(of: item)
            for (v, value) in item.optionValues.enumerated() {
                let price = Money(parsing: item.variantPrices?[v] ?? item.price)!
                var compareAt = item.compareAt.flatMap { Money(parsing: $0) }
                if compareAt == nil, onSale.contains(itemIndex) {
                    compareAt = Money(units: (price.units * 5 / 4 + 9_999) / 10_000 * 10_000 - 1_000)
                }
                let cost = Money(units: price.units * Int64(random.int(in: 35...60)) / 100 / 100 * 100)
                let outOfStock = v == 0 && random.chance(0.035)
                let inventory =
                    status == "draft" || outOfStock ? 0 : random.int(in: item.role == .none ? 3...180 : 40...260)
                products.append(
                    Product(
                        sku: item.variantSKU(v), title: item.hasVariants ? "\(item.title) - \(value)" : item.title,
                        handle: item.handle, description: description, vendor: item.vendor,
                        category: item.category.rawValue,
                        tags: item.tags + (newArrivals.contains(itemIndex) ? ["new"] : []),
                        price: price, compareAtPrice: compareAt, cost: cost, inventory: inventory, status: status,
                        createdAt: Date(
                            timeIntervalSince1970: TimeInterval(
                                DemoCalendar.instant(day: created, localSeconds: 9 * 3_600))),
                        sensitive: item.category.isSensitive))
                let variantShare = v == 0 ? 1.0 : 0.35 + random.unit() * 0.5
                entries.append(
                    Entry(
                        item: itemIndex, variant: v, role: item.role, category: item.category,
                        popularity: itemWeight * variantShare, firstSaleDay: max(created, firstDay),
                        lastSaleDay: archived.contains(itemIndex) ? firstDay + random.int(in: 240...400) : lastDay,
                        sellable: !drafts.contains(itemIndex) && !duds.contains(itemIndex),
                        grams: grams, barcode: random.chance(0.5) ? Self.ean(&random) : "",
                        imageCount: max(1, imageCount)))
            }
        }
        assert(Set(products.map(\.sku)).count == products.count, "two variants share a SKU")
        self.products = products
        self.entries = entries
        productsByCategory = DemoCategory.allCases.map { category in
            entries.indices.filter { entries[$0].category == category }
        }
        var byRole: [DemoItem.Role: [Int]] = [:]
        for (i, entry) in entries.enumerated() { byRole[entry.role, default: []].append(i) }
        productsByRole = byRole
    }

    /// The weight of patterned items when they turn up in an ordinary basket: the patterns themselves
    /// are planted by `DemoShopperPlan`, so the kits, amendments and the skillet pair never sell at random.
    private static func roleWeight(_ role: DemoItem.Role) -> Double {
        switch role {
        case .skillet, .careKit, .raisedBed, .soilAmendment: 0
        case .coffeeBeans, .candle: 0.25
        case .giftSet: 1.5
        default: 1
        }
    }

    private static func description(of item: DemoItem) -> String {
        let title = item.title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
            of: "\"", with: "&quot;")
        return "<p><strong>\(title)</strong>, from \(item.vendor). \(item.category.blurb)</p>\n"
            + "<ul><li>\(item.tags.joined(separator: ", "))</li>"
            + "<li>Ships in 1&ndash;2 working days, free over &pound;50</li></ul>"
    }

    private static func ean(_ random: inout DemoRandom) -> String {
        var digits = "50"
        for _ in 0..<11 { digits += String(random.int(in: 0...9)) }
        return digits
    }
}
