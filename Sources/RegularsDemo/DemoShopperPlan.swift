import RegularsData

/// Plans customers' purchases over the history: ordinary baskets plus the planted patterns
/// (skillet → care kit and oven mitt, coffee every ~30 days, candles every ~60 days, raised bed → soil
/// amendment 42–56 days later, gift sets in November and December).
struct DemoShopperPlan {
    let catalog: DemoCatalog
    let firstDay: Int
    let lastDay: Int

    /// Draws a customer's lifecycle, traits and active window (first and last day they may order).
    func profile(random: inout DemoRandom) -> (DemoShop.Profile.Lifecycle, DemoShop.Profile.Traits, Int, Int) {
        let lifecycles: [DemoShop.Profile.Lifecycle] = [.oneTime, .regular, .loyal, .lapsed, .new]
        let lifecycle = lifecycles[random.index(weights: [0.30, 0.40, 0.09, 0.16, 0.05])]
        let (first, last) = (firstDay, lastDay)
        var start: Int
        var end: Int
        switch lifecycle {
        case .new, .guest:
            start = last - random.int(in: 0...29)
            end = last
        case .oneTime:
            start = random.int(in: first...(last - 30))
            end = start
        case .loyal:
            start = random.int(in: first...(first + 240))
            end = last - random.int(in: 0...12)
        case .lapsed:
            end = last - random.int(in: 183...548)
            start = random.int(in: first...(end - 45))
        case .regular:
            start = random.int(in: first...(last - 45))
            end = random.chance(0.65) ? last - random.int(in: 0...60) : min(last, start + random.int(in: 60...420))
        }
        end = max(end, start)
        var traits: DemoShop.Profile.Traits = []
        if lifecycle != .oneTime {
            let odds: [(DemoShop.Profile.Traits, Double)] = [
                (.coffee, 0.25), (.candles, 0.15), (.gardener, 0.20), (.cook, 0.22), (.giftBuyer, 0.30),
                (.wellness, 0.05),
            ]
            for (trait, p) in odds where random.chance(p) { traits.insert(trait) }
        }
        return (lifecycle, traits, start, end)
    }

    /// Every purchase of one registered customer, in no particular order.
    func intents(
        person: Int, lifecycle: DemoShop.Profile.Lifecycle, traits: DemoShop.Profile.Traits, start: Int, end: Int,
        random: inout DemoRandom
    ) -> [DemoIntent] {
        var result: [DemoIntent] = []
        func add(_ day: Int, _ lines: [(Int, Int)], planted: Bool, _ random: inout DemoRandom) {
            guard day >= start, day <= min(end, lastDay), !lines.isEmpty else { return }
            let pos = random.chance(0.08)
            result.append(
                DemoIntent(
                    person: person, day: day, localSeconds: Self.timeOfDay(pos: pos, &random),
                    lines: lines.map { (product: $0.0, quantity: $0.1) }, planted: planted, source: pos ? "pos" : "web")
            )
        }
        // Ordinary baskets: one at the start, then a Poisson process at the lifecycle's pace.
        let meanGap: Double =
            switch lifecycle {
            case .loyal: 30
            case .lapsed: 75
            case .new: 14
            case .regular: 110
            case .oneTime, .guest: .infinity
            }
        var day = start
        while day <= end {
            add(day, basket(day: day, &random), planted: false, &random)
            guard meanGap.isFinite else { break }
            day += 3 + Int(random.exponential(mean: meanGap - 3))
        }
        // Loyal customers order up to the end; lapsed ones order one last time, then stop.
        if lifecycle == .loyal || lifecycle == .lapsed {
            add(end, basket(day: end, &random), planted: false, &random)
        }
        if traits.contains(.cook) { plantCook(start: start, end: end, add, &random) }
        if traits.contains(.coffee) { plantCoffee(start: start, end: end, add, &random) }
        if traits.contains(.candles) { plantCandles(start: start, end: end, add, &random) }
        if traits.contains(.gardener) { plantGarden(start: start, end: end, add, &random) }
        if traits.contains(.giftBuyer) { plantGifts(start: start, end: end, add, &random) }
        if traits.contains(.wellness) {
            let from = random.int(in: start...end)
            for _ in 0..<random.int(in: 1...3) {
                let day = from + random.int(in: 0...270)
                add(day, pickProduct(in: .wellness, day: day, &random).map { [($0, 1)] } ?? [], planted: false, &random)
            }
        }
        return result
    }

    /// A guest's single purchase (no e-mail), anywhere in the history, mostly at the till.
    func guestIntent(person: Int, random: inout DemoRandom) -> DemoIntent {
        let day = random.int(in: firstDay...lastDay)
        let pos = random.chance(0.7)
        return DemoIntent(
            person: person, day: day, localSeconds: Self.timeOfDay(pos: pos, &random),
            lines: basket(day: day, &random).map { (product: $0.0, quantity: $0.1) }, planted: false,
            source: pos ? "pos" : "web")
    }

    /// An ordinary basket: 1–4 different products, categories weighted by season.
    func basket(day: Int, _ random: inout DemoRandom) -> [(Int, Int)] {
        let month = DemoCalendar.date(ofDay: day).month
        let categories = DemoCategory.allCases
        let weights = categories.map { $0.baseWeight * $0.seasonality(month: month) }
        let size = [1, 2, 3, 4][random.index(weights: [0.55, 0.30, 0.10, 0.05])]
        var lines: [(Int, Int)] = []
        var attempts = 0
        while lines.count < size, attempts < 12 {
            attempts += 1
            let category = categories[random.index(weights: weights)]
            guard let product = pickProduct(in: category, day: day, &random),
                !lines.contains(where: { $0.0 == product })
            else { continue }
            lines.append((product, [1, 2, 3][random.index(weights: [0.88, 0.09, 0.03])]))
        }
        return lines
    }

    /// A product of `category` on sale on `day`, weighted by popularity; `nil` when none is.
    func pickProduct(in category: DemoCategory, day: Int, _ random: inout DemoRandom) -> Int? {
        let candidates = catalog.productsByCategory[DemoCategory.allCases.firstIndex(of: category)!]
        let weights = candidates.map { i -> Double in
            let e = catalog.entries[i]
            return e.sellable && e.firstSaleDay <= day && day <= e.lastSaleDay ? e.popularity : 0
        }
        guard weights.contains(where: { $0 > 0 }) else { return nil }
        return candidates[random.index(weights: weights)]
    }

    /// Seconds after local midnight: evenings for the web shop, opening hours for the till.
    static func timeOfDay(pos: Bool, _ random: inout DemoRandom) -> Int {
        let hour =
            pos
            ? random.int(in: 9...17)
            : 7 + random.index(weights: [1, 2, 3, 3, 3, 4, 4, 3, 3, 3, 4, 5, 7, 9, 9, 7, 4])
        return hour * 3_600 + random.int(in: 0...3_599)
    }
}
