import RegularsData

/// The planted patterns. Each receives `add(day, lines, planted, &random)`, which keeps a purchase only
/// inside the customer's active window.
extension DemoShopperPlan {
    typealias Add = (Int, [(Int, Int)], Bool, inout DemoRandom) -> Void

    private func products(_ role: DemoItem.Role) -> [Int] { catalog.productsByRole[role] ?? [] }

    /// The skillet; the care kit in the same order (55 %) or 1–10 days later (25 %); an oven mitt in the
    /// same order (45 %) or 1–14 days later (20 %); seasoning oil a month or more later (30 %).
    func plantCook(start: Int, end: Int, _ add: Add, _ random: inout DemoRandom) {
        guard let skillet = products(.skillet).first, let careKit = products(.careKit).first else { return }
        let mitts = products(.ovenMitt)
        let day = random.chance(0.4) ? start : random.int(in: start...end)
        var lines = [(skillet, 1)]
        let kit = random.unit()
        if kit < 0.55 {
            lines.append((careKit, 1))
        } else if kit < 0.80 {
            add(day + random.int(in: 1...10), [(careKit, 1)], true, &random)
        }
        let mitt = mitts[random.index(weights: [0.6, 0.25, 0.15])]
        let mittDraw = random.unit()
        if mittDraw < 0.45 {
            lines.append((mitt, random.chance(0.3) ? 2 : 1))
        } else if mittDraw < 0.65 {
            add(day + random.int(in: 1...14), [(mitt, 1)], true, &random)
        }
        add(day, lines, true, &random)
        if random.chance(0.3), let oil = catalog.products.firstIndex(where: { $0.sku == "CI-OIL-8" }) {
            add(day + random.int(in: 30...120), [(oil, 1)], true, &random)
        }
    }

    /// Beans about every 30 days (normal, sd 3.5, at least 21); the first order may bring a grinder, a
    /// pour-over dripper with filters and a kettle; filters again every fourth reorder.
    func plantCoffee(start: Int, end: Int, _ add: Add, _ random: inout DemoRandom) {
        // The 250 g bag of each origin (variant 0) is what drinkers reorder.
        let beans = products(.coffeeBeans).filter { catalog.entries[$0].variant == 0 }
        guard !beans.isEmpty, let filters = products(.filters).first else { return }
        var bean = beans[random.index(weights: beans.map { catalog.entries[$0].popularity })]
        let quantity = random.chance(0.25) ? 2 : 1
        var day = random.chance(0.5) ? start : start + random.int(in: 0...90)
        var lines = [(bean, quantity)]
        if random.chance(0.35), !products(.grinder).isEmpty {
            lines.append((products(.grinder)[random.index(weights: [0.6, 0.4])], 1))
        }
        let pourOver = random.chance(0.3)
        if pourOver, let dripper = products(.dripper).first {
            lines += [(dripper, 1), (filters, 1)]
            if random.chance(0.5), let kettle = products(.kettle).first { lines.append((kettle, 1)) }
        }
        var reorders = 0
        while day <= end {
            add(day, lines, true, &random)
            reorders += 1
            day += max(21, Int(random.normal(mean: 30, sd: 3.5).rounded()))
            if random.chance(0.08) { bean = random.pick(beans) }
            lines = [(bean, quantity)]
            if pourOver, reorders % 4 == 0 { lines.append((filters, 1)) }
        }
    }

    /// A soy candle about every 60 days (normal, sd 8, at least 35), mostly the favourite scent.
    func plantCandles(start: Int, end: Int, _ add: Add, _ random: inout DemoRandom) {
        let candles = products(.candle)
        guard !candles.isEmpty else { return }
        let favourite = random.pick(candles)
        var day = start + random.int(in: 0...min(120, end - start))
        while day <= end {
            let candle = random.chance(0.7) ? favourite : random.pick(candles)
            add(day, [(candle, random.chance(0.2) ? 2 : 1)], true, &random)
            day += max(35, Int(random.normal(mean: 60, sd: 8).rounded()))
        }
    }

    /// A raised-bed kit in spring (March–May; 90 % the first spring, 30 % later ones), often with a
    /// garden extra; a soil amendment 42–56 days later in 85 % of cases.
    func plantGarden(start: Int, end: Int, _ add: Add, _ random: inout DemoRandom) {
        let kits = products(.raisedBed)
        let amendments = products(.soilAmendment)
        guard kits.count == 3, amendments.count == 4 else { return }
        var springs = 0
        for year in DemoCalendar.date(ofDay: start).year...DemoCalendar.date(ofDay: end).year {
            let low = max(start, DemoCalendar.days(year: year, month: 3, day: 1))
            let springEnd = DemoCalendar.days(year: year, month: 5, day: 31)
            var high = min(springEnd, end - 56)
            if high < low { high = min(springEnd, end) }
            guard low <= high else { continue }
            springs += 1
            guard random.chance(springs == 1 ? 0.9 : 0.3) else { continue }
            let day = random.int(in: low...high)
            var lines = [(kits[random.index(weights: [0.5, 0.3, 0.2])], 1)]
            if random.chance(0.4), let extra = pickProduct(in: .garden, day: day, &random) { lines.append((extra, 1)) }
            add(day, lines, true, &random)
            if random.chance(0.85) {
                let amendment = amendments[random.index(weights: [0.5, 0.15, 0.25, 0.1])]
                add(day + random.int(in: 42...56), [(amendment, random.int(in: 1...3))], true, &random)
            }
        }
    }

    /// One or two gift sets between 10 November and 20 December, in 80 % of the years.
    func plantGifts(start: Int, end: Int, _ add: Add, _ random: inout DemoRandom) {
        let sets = products(.giftSet).filter { catalog.entries[$0].sellable }
        guard sets.count >= 2 else { return }
        for year in DemoCalendar.date(ofDay: start).year...DemoCalendar.date(ofDay: end).year {
            let low = max(start, DemoCalendar.days(year: year, month: 11, day: 10))
            let high = min(end, DemoCalendar.days(year: year, month: 12, day: 20))
            guard low <= high, random.chance(0.8) else { continue }
            let day = random.int(in: low...high)
            let first = random.pick(sets)
            var lines = [(first, [1, 2, 3][random.index(weights: [0.7, 0.2, 0.1])])]
            if random.chance(0.35), let second = sets.first(where: { $0 != first && random.chance(0.3) }) {
                lines.append((second, 1))
            }
            add(day, lines, true, &random)
        }
    }
}
