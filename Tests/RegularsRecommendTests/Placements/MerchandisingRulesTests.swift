import Foundation
import RegularsData
import RegularsDemo
import Testing

@testable import RegularsRecommend

@Suite("Merchandising rules")
struct MerchandisingRulesTests {
    typealias Truth = DemoShop.GroundTruth
    static let shop = ExplainableFixtures.demo.shop

    @Test("a pinned product is in its slot, with the pin in the explain log")
    func pin() throws {
        var rules = MerchandisingRules()
        let pinned = Truth.candles[2]
        rules.pins = [.init(sku: pinned, placement: .checkout, slot: 2)]
        let list = try PlacementFixtures.list(
            .init(placement: .checkout, cart: [Truth.skillet], limit: 6), rules: rules)
        #expect(list.items[1].sku == pinned)
        #expect(list.items[1].rules == ["pinned to slot 2"])
        #expect(list.items.count == 6)
        #expect(list.events.contains(RuleEvent(.pinned, sku: pinned, detail: "slot 2")))
        let other = try PlacementFixtures.list(.init(placement: .cart, cart: [Truth.skillet], limit: 6), rules: rules)
        #expect(!other.items.contains { $0.sku == pinned && $0.rules.contains("pinned to slot 2") })
    }

    @Test("an excluded product, an excluded category and every out-of-stock product never appear")
    func exclusions() throws {
        var rules = MerchandisingRules()
        rules.excludedSKUs = [Truth.careKit]
        rules.excludedCategories = ["kitchen textiles"]
        rules.pins = [.init(sku: Self.shop.outOfStockSKUs[0], placement: .home, slot: 1)]
        let outOfStock = Set(Self.shop.outOfStockSKUs)
        #expect(!outOfStock.isEmpty)
        let checkout = try PlacementFixtures.list(
            .init(placement: .checkout, cart: [Truth.skillet], limit: 8), rules: rules)
        #expect(!checkout.items.contains { $0.sku == Truth.careKit || Truth.ovenMitts.contains($0.sku) })
        #expect(checkout.events.contains(RuleEvent(.excluded, sku: Truth.careKit, detail: "on the exclusion list")))
        for customer in [nil] + PlacementFixtures.busiestCustomers.prefix(15).map(Optional.some) {
            for placement in Placement.allCases {
                let list = try PlacementFixtures.list(
                    .init(placement: placement, customer: customer, product: Truth.skillet, limit: 10), rules: rules)
                #expect(list.items.allSatisfy { !outOfStock.contains($0.sku) && $0.sku != Truth.careKit })
            }
        }
    }

    @Test("at most N items of one category in one list")
    func categoryCap() throws {
        var rules = MerchandisingRules()
        rules.maximumPerCategory = 2
        let list = try PlacementFixtures.list(
            .init(placement: .home, session: Array(Truth.candles.prefix(3)), limit: 8), rules: rules)
        let counts = Dictionary(grouping: list.items, by: { PlacementFixtures.category(of: $0.sku) }).mapValues(\.count)
        #expect(counts.values.allSatisfy { $0 <= 2 })
        #expect(counts["Candles"] == 2)
        #expect(list.events.contains { $0.kind == .capped })
    }

    @Test("a boost lifts a product until its expiry date and not after")
    func boostExpiry() throws {
        let target = Truth.giftSets[0]
        var rules = MerchandisingRules()
        let asOf = PlacementFixtures.models.asOf
        rules.boosts = [.init(sku: target, factor: 50, until: asOf.addingTimeInterval(7 * 86_400))]
        let request = RecommendationRequest(placement: .home, limit: 10)
        let boosted = try PlacementFixtures.list(request, rules: rules)
        #expect(boosted.items.first?.sku == target)
        #expect(boosted.items.first?.rules.first?.hasPrefix("boosted ×50 until") == true)
        var later = request
        later.asOf = asOf.addingTimeInterval(8 * 86_400)
        #expect(try PlacementFixtures.list(later, rules: rules).items.first?.sku != target)
    }

    @Test("new arrivals get a fair chance through a boost")
    func newArrivalBoost() throws {
        var rules = MerchandisingRules()
        rules.boosts = [.init(newArrivals: true, factor: 3)]
        let newArrivals = Set(Self.shop.newArrivalSKUs)
        let list = try PlacementFixtures.list(.init(placement: .home, limit: 10), rules: rules)
        let plain = try PlacementFixtures.list(.init(placement: .home, limit: 10))
        #expect(
            list.items.filter { newArrivals.contains($0.sku) }.count
                > plain.items.filter { newArrivals.contains($0.sku) }.count)
    }

    @Test("a new product nobody bought yet shows up through content similarity and through a new-arrivals boost")
    func coldStart() throws {
        let snapshot = PlacementFixtures.snapshot
        let sold = Set(snapshot.lineProduct)
        let fresh = try #require(
            Self.shop.newArrivalSKUs.first { sku in
                let p = PlacementFixtures.product(sku)
                let product = snapshot.products[Int(p)]
                return !sold.contains(p) && (product.inventory ?? 1) > 0 && !product.sensitive
            })
        // Variants of one product stand in for each other by default; here each must earn its own place.
        var rules = MerchandisingRules()
        rules.oneVariantPerProduct = false
        let neighbour = try #require(
            PlacementFixtures.models.similar.similar(to: PlacementFixtures.product(fresh), limit: 1).first)
        let page = try PlacementFixtures.list(
            .init(placement: .product, product: snapshot.products[Int(neighbour.product)].sku, limit: 10), rules: rules)
        #expect(page.items.contains { $0.sku == fresh && $0.model == "similar" })
        rules.boosts = [.init(newArrivals: true, factor: 2)]
        let home = try PlacementFixtures.list(.init(placement: .home, limit: 20), rules: rules)
        let item = try #require(home.items.first { $0.sku == fresh })
        #expect(item.reason.hasPrefix("New arrival in "))
    }

    @Test("price ranges and a minimum margin filter the list")
    func priceAndMargin() throws {
        var rules = MerchandisingRules()
        rules.priceRanges = [.init(placement: .checkout, maximum: 15)]
        rules.minimumMargin = 0.5
        let list = try PlacementFixtures.list(
            .init(placement: .checkout, cart: [Truth.skillet], limit: 8), rules: rules)
        let products = PlacementFixtures.snapshot.products
        for item in list.items {
            let product = products[Int(item.product)]
            #expect(product.price!.doubleValue <= 15)
            #expect((product.price!.doubleValue - product.cost!.doubleValue) / product.price!.doubleValue >= 0.5)
        }
        #expect(!list.items.isEmpty)
    }

    @Test("ranking by expected margin puts the better-margin item of two equals first")
    func marginRanking() throws {
        var rules = MerchandisingRules()
        rules.rankByExpectedMargin = true
        let request = RecommendationRequest(placement: .checkout, cart: [Truth.skillet], limit: 10)
        let plain = try PlacementFixtures.list(request)
        let byMargin = try PlacementFixtures.list(request, rules: rules)
        #expect(Set(plain.items.map(\.sku)) != Set() && plain.items.map(\.sku) != byMargin.items.map(\.sku))
    }

    @Test(
        "a customer who owns the skillet is never offered it again (durable), nor another variant of an owned durable")
    func durableOwned() throws {
        let owners = PlacementFixtures.buyers(of: Truth.skillet)
        #expect(owners.count > 20)
        for owner in owners.prefix(40) {
            for placement in Placement.allCases {
                let list = try PlacementFixtures.list(.init(placement: placement, customer: owner, limit: 10))
                #expect(!list.items.contains { $0.sku == Truth.skillet }, "\(placement)")
            }
        }
        // Coffee beans are consumables: offered again when due.
        let drinkers = PlacementFixtures.buyers(of: Truth.coffeeBeans[0]).prefix(30)
        let restocked = try drinkers.filter { id in
            try PlacementFixtures.list(.init(placement: .emailPostPurchase, customer: id, limit: 10)).items
                .contains { $0.model == "replenishment" && Truth.coffeeBeans.contains($0.sku) }
        }
        #expect(!restocked.isEmpty)
    }

    @Test("the rules file round-trips, and a file with only some keys takes defaults for the rest")
    func file() throws {
        var rules = MerchandisingRules()
        rules.pins = [.init(sku: "A", placement: .emailLoyal, slot: 1)]
        rules.boosts = [.init(sku: "B", factor: 1.5, until: Date(timeIntervalSince1970: 1_754_006_400))]
        rules.maximumPerCategory = 3
        rules.recipes = ["home": PlacementRecipe([.init(.trending, 1)])]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString).json")
        try rules.save(to: url)
        #expect(try MerchandisingRules.load(from: url) == rules)
        #expect(try String(contentsOf: url, encoding: .utf8).contains("2025-08-01T00:00:00Z"))
        try Data(#"{"maximumPerCategory": 2}"#.utf8).write(to: url)
        let partial = try MerchandisingRules.load(from: url)
        #expect(partial.maximumPerCategory == 2 && partial.newArrivalDays == 30 && partial.pins.isEmpty)
        try Data(#"{"pins": [{"sku": "A"}]}"#.utf8).write(to: url)
        #expect(throws: RulesFileError.self) { try MerchandisingRules.load(from: url) }
        #expect(MerchandisingRules.fileURL(storePath: "/x/shop.sqlite").path == "/x/shop.rules.json")
    }

    @Test("a shop's own recipe replaces the default one")
    func recipeOverride() throws {
        var rules = MerchandisingRules()
        rules.recipes = ["checkout": PlacementRecipe([.init(.popular, 1)])]
        let list = try PlacementFixtures.list(
            .init(placement: .checkout, cart: [Truth.skillet], limit: 5), rules: rules)
        #expect(list.items.allSatisfy { $0.model == "popular" })
    }
}

@Suite("Rules that read the ranker's purchase probability")
struct ProbabilityRulesTests {
    @Test("a known customer's list carries probabilities; margin ranking orders them by P × margin")
    func marginTimesProbability() throws {
        var rules = MerchandisingRules()
        rules.rankByExpectedMargin = true
        rules.oneVariantPerProduct = false
        let products = PlacementFixtures.snapshot.products
        var compared = 0
        for customer in PlacementFixtures.busiestCustomers.prefix(10) {
            let list = try PlacementFixtures.list(.init(placement: .home, customer: customer, limit: 12), rules: rules)
            let scored = list.items.filter { $0.probability != nil }
            #expect(scored.allSatisfy { (0...1).contains($0.probability!) })
            // Every demo product has a price and a cost: the expected margin is P × (price − cost).
            let expected = scored.map { item -> Double in
                let product = products[Int(item.product)]
                return item.probability! * max(product.price!.doubleValue - product.cost!.doubleValue, 0)
            }
            #expect(zip(expected, expected.dropFirst()).allSatisfy { $0 >= $1 - 1e-9 }, "\(customer): \(expected)")
            compared += scored.count
        }
        #expect(compared > 50)
        let anonymous = try PlacementFixtures.list(.init(placement: .home, limit: 12), rules: rules)
        #expect(!anonymous.items.isEmpty && anonymous.items.allSatisfy { $0.probability == nil })
    }

    @Test("an e-mail floor leaves out unlikely picks and shop-wide fillers instead of padding")
    func emailFloor() throws {
        var rules = MerchandisingRules()
        rules.emailMinimumProbability = 0.05
        var excluded = 0, fillers = 0
        for customer in PlacementFixtures.busiestCustomers.prefix(30) {
            for placement in [Placement.emailWinBack, .emailLoyal, .emailPostPurchase] {
                let request = RecommendationRequest(placement: placement, customer: customer, limit: 6)
                let floored = try PlacementFixtures.list(request, rules: rules)
                for item in floored.items {
                    if let p = item.probability {
                        #expect(p >= 0.05, "\(customer) \(item.sku) \(p)")
                    } else {
                        #expect(item.model != "popular" && item.model != "trending", "\(customer) \(item.sku)")
                    }
                }
                excluded += floored.events.filter { $0.kind == .excluded && $0.detail.contains("e-mail floor") }.count
                fillers += try PlacementFixtures.list(request).items.filter {
                    $0.probability == nil && ($0.model == "popular" || $0.model == "trending")
                }.count
            }
        }
        #expect(excluded > 0)
        #expect(fillers > 0, "without the floor, some e-mails are padded with shop-wide fillers")
        // The storefront is not an e-mail: the same rules change nothing there.
        let customer = PlacementFixtures.busiestCustomers[0]
        let home = RecommendationRequest(placement: .home, customer: customer, limit: 6)
        #expect(try PlacementFixtures.list(home, rules: rules).items == PlacementFixtures.list(home).items)
    }
}
