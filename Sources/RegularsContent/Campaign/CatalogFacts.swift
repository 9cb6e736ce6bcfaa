import Foundation
import RegularsData
import RegularsRecommend

/// The catalog as the content layer may speak of it: titles, categories, prices and links of products that
/// are not sensitive. Everything an e-mail says about a product comes from here, and the LLM fact check
/// compares drafts against it.
public struct CatalogFacts: Sendable {
    public let snapshot: Snapshot
    let voice: BrandVoice
    let handles: [SKU: String]
    /// `Snapshot.hasCatalog`, read once.
    let hasCatalog: Bool

    public init(snapshot: Snapshot, voice: BrandVoice, handles: [SKU: String]) {
        self.snapshot = snapshot
        hasCatalog = snapshot.hasCatalog
        self.voice = voice
        self.handles = handles
    }

    /// The product as an e-mail may feature it, or `nil` when unknown, sensitive or missing from the shop's catalog.
    public func featured(sku: SKU, reason: String) -> FeaturedProduct? {
        guard let index = snapshot.productIndexBySKU[sku] else { return nil }
        let product = snapshot.products[Int(index)]
        guard !product.sensitive, product.isOfferable(shopHasCatalog: hasCatalog) else { return nil }
        return FeaturedProduct(
            sku: sku, title: product.title, category: category(of: product), price: product.price,
            url: voice.url(sku: sku, handle: handles[sku], title: product.title), reason: reason)
    }

    /// Up to `count` of `items` as copy may feature them, after `already` (kept first), each marked personal or
    /// not by its reason; items `keep` rejects, unknown, sensitive or unoffered ones are skipped.
    func featured(
        _ items: [Recommendation], count: Int, after already: [FeaturedProduct] = [],
        keep: (Recommendation) -> Bool = { _ in true }
    ) -> [FeaturedProduct] {
        var out = already
        for item in items where out.count < count && keep(item) && !out.contains(where: { $0.sku == item.sku }) {
            guard var product = featured(sku: item.sku, reason: item.reason) else { continue }
            product.personal = CampaignAudience.isPersonal(item.signal)
            out.append(product)
        }
        return out
    }

    func category(of product: SnapshotProduct) -> String? {
        product.category >= 0 ? snapshot.categories[Int(product.category)] : nil
    }

    /// The latest purchase that may be named: the dearest non-sensitive line of the latest order that has one.
    public func lastPurchase(of customer: CustomerIndex, in snapshot: Snapshot) -> LastPurchase? {
        for order in snapshot.orders(of: customer).reversed() {
            var best: (line: Int, price: Int64)?
            for line in snapshot.lines(of: order) {
                let product = snapshot.products[Int(snapshot.lineProduct[line])]
                guard !product.sensitive else { continue }
                if snapshot.lineUnitPrice[line] > best?.price ?? -1 { best = (line, snapshot.lineUnitPrice[line]) }
            }
            guard let best else { continue }
            let product = snapshot.products[Int(snapshot.lineProduct[best.line])]
            let seconds = snapshot.orderTime[order]
            let days = Int((snapshot.asOfSeconds - seconds) / DayNumber.seconds)
            return LastPurchase(
                sku: product.sku, title: product.title, shortTitle: LastPurchase.shortTitle(product.title),
                date: Date(timeIntervalSince1970: TimeInterval(seconds)), daysAgo: max(0, days))
        }
        return nil
    }

    /// Every non-sensitive catalog title, for the fact check's "names only real products" test.
    public var titles: Set<String> {
        Set(snapshot.products.filter { !$0.sensitive && $0.isOfferable(shopHasCatalog: hasCatalog) }.map(\.title))
    }

    /// Titles of sensitive products: never to appear in any copy.
    public var sensitiveTitles: [String] {
        snapshot.products.filter(\.sensitive).map(\.title)
    }
}
