import RegularsData
import RegularsMeasure
import Testing

/// The indexed attribution against a literal, quadratic reading of the rules, on generated inputs dense enough to
/// hit every case: shared sessions, guests, duplicates, ties, both windows, view-through on and off.
struct ReferenceTests {
    @Test(arguments: [false, true])
    func matchesTheLiteralRules(viewThrough: Bool) {
        let windows = AttributionWindows(viewThrough: viewThrough)
        var random = SeededRandom(seed: viewThrough ? 7 : 11)
        let kinds = ShopEvent.Kind.allCases
        func maybe(_ prefix: String, _ count: Int, nilOneIn odds: Int) -> String? {
            random.below(odds) == 0 ? nil : "\(prefix)\(random.below(count))"
        }
        let events = (0..<3_000).map { _ in
            event(
                "e\(random.below(2_800))", kinds[random.below(kinds.count)],
                at: t0 + Int64(random.below(20 * 24)) * hour,
                customer: maybe("c", 30, nilOneIn: 2), session: maybe("s", 60, nilOneIn: 3),
                sku: maybe("k", 6, nilOneIn: 20), source: maybe("src", 3, nilOneIn: 4))
        }
        let lines = (0..<1_500).map { _ in
            line(
                "o\(random.below(900))", random.below(3), customer: maybe("c", 30, nilOneIn: 5),
                session: maybe("s", 60, nilOneIn: 2), at: t0 + Int64(random.below(20 * 24)) * hour,
                sku: "k\(random.below(6))", quantity: 1 + random.below(3), price: money(Int64(1 + random.below(50))))
        }
        let credited = RevenueAttribution.attribute(events: events, lines: lines, windows: windows)
        let expected = Self.reference(events: events, lines: lines, windows: windows)
        #expect(credited.count > 50)
        #expect(credited == expected)
    }

    /// Rule 1 read literally, line by line over every event.
    static func reference(
        events: [ShopEvent], lines: [PlacedLine], windows: AttributionWindows
    ) -> [AttributedLine] {
        var seen = Set<String>()
        let events = events.filter { seen.insert($0.id).inserted }
        var latest: [PlacedLine.Key: PlacedLine] = [:]
        for line in lines { latest[line.key] = line }
        var links = Set<[String]>()
        for event in events {
            if let s = event.sessionID, let c = event.customerID { links.insert([s, c]) }
        }
        for line in latest.values {
            if let s = line.sessionID, let c = line.customerID { links.insert([s, c]) }
        }
        func madeBy(_ event: ShopEvent, for line: PlacedLine) -> Bool {
            if let customer = line.customerID {
                if let clicker = event.customerID { return clicker == customer }
                guard let session = event.sessionID else { return false }
                return links.contains([session, customer])
            }
            return line.sessionID != nil && event.sessionID == line.sessionID
        }
        var result: [AttributedLine] = []
        for line in latest.values {
            let qualifying = events.filter { event in
                guard event.sku == line.sku, let window = windows.window(for: event.kind) else { return false }
                return event.at <= line.at && line.at - event.at <= window && madeBy(event, for: line)
            }
            let clicks = qualifying.filter(\.kind.isClick)
            let pool = clicks.isEmpty ? qualifying : clicks
            guard let best = pool.max(by: { ($0.at, $0.id) < ($1.at, $1.id) }) else { continue }
            result.append(
                AttributedLine(
                    key: line.key, customerID: line.customerID, sku: line.sku, orderedAt: line.at,
                    revenue: line.revenue, clickID: best.id, clickKind: best.kind, source: best.source,
                    experiment: best.experiment, arm: best.arm, lagSeconds: line.at - best.at))
        }
        return result.sorted { $0.key < $1.key }
    }
}
