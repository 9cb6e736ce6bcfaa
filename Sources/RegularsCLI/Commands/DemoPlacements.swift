import Foundation
import RegularsData
import RegularsDemo
import RegularsRecommend

/// What each placement shows a few demo visitors, with reasons: the part of `regulars demo` that shows the
/// recommendation layer at work.
enum DemoPlacements {
    /// For an anonymous visitor (skillet in the cart, candles viewed) and two or three demo customers (a coffee
    /// drinker, a recent raised-bed buyer, a skillet owner), the top three of each placement with reasons.
    static func showcase(models: ModelSet, rules: MerchandisingRules, perPlacement: Int = 3) -> String {
        let recommender = Recommender(models: models, rules: rules)
        let snapshot = models.snapshot
        typealias Truth = DemoShop.GroundTruth
        var out: [String] = []
        func show(_ heading: String, _ requests: [RecommendationRequest]) {
            out.append(heading)
            for request in requests {
                guard let list = try? recommender.recommend(request), !list.items.isEmpty else { continue }
                out.append("  \(request.placement.rawValue):")
                for item in list.items.prefix(perPlacement) {
                    out.append("    \(item.title) — \(item.reason)")
                }
            }
        }
        let known = Set(snapshot.productIndexBySKU.keys)
        let candles = Truth.candles.filter(known.contains).prefix(3)
        if known.contains(Truth.skillet) {
            show(
                "An anonymous visitor with the Lodge skillet in the cart who looked at three candles:",
                [
                    .init(placement: .checkout, cart: [Truth.skillet], limit: perPlacement),
                    .init(placement: .home, session: Array(candles), limit: perPlacement),
                    .init(placement: .product, product: Truth.skillet, limit: perPlacement),
                ])
        }
        let picks: [(label: String, bought: [SKU], withinDays: Double, notYet: [SKU])] = [
            ("A coffee drinker", Truth.coffeeBeans, 3650, []),
            ("A recent raised-bed buyer", Truth.raisedBedKits, 60, Truth.soilAmendments),
            ("A skillet owner", [Truth.skillet], 3650, []),
        ]
        var shown = Set<CustomerIndex>()
        let indexes = { (skus: [SKU]) in Set(skus.compactMap { snapshot.productIndexBySKU[$0] }) }
        for (label, skus, withinDays, notYet) in picks {
            guard
                let customer = busiestBuyer(
                    of: indexes(skus), withinDays: withinDays, notYet: indexes(notYet), in: snapshot, besides: shown)
            else { continue }
            shown.insert(customer)
            let id = snapshot.customers[Int(customer)].id
            out.append("")
            show(
                "\(label) (\(snapshot.orders(of: customer).count) orders):",
                Placement.allCases.filter { $0 != .product && $0 != .cart }.map {
                    RecommendationRequest(placement: $0, customer: id, limit: perPlacement)
                })
        }
        return out.joined(separator: "\n")
    }

    /// The customer with the most orders who bought one of `products` within `withinDays` before `asOf`, and
    /// none of `notYet` in that time.
    static func busiestBuyer(
        of products: Set<ProductIndex>, withinDays: Double, notYet: Set<ProductIndex>, in snapshot: Snapshot,
        besides: Set<CustomerIndex>
    ) -> CustomerIndex? {
        let since = snapshot.asOfSeconds - Int64(withinDays) * DayNumber.seconds
        var best: (customer: CustomerIndex, orders: Int)?
        for c in 0..<Int32(snapshot.customerCount) where !besides.contains(c) && !snapshot.customers[Int(c)].optedOut {
            let recent = snapshot.lines(ofCustomer: c).filter { snapshot.lineTime($0) >= since }
                .map { snapshot.lineProduct[$0] }
            let bought = recent.contains(where: products.contains) && !recent.contains(where: notYet.contains)
            let orders = snapshot.orders(of: c).count
            if bought, orders > best?.orders ?? 0 { best = (c, orders) }
        }
        return best?.customer
    }
}
