import Foundation
import RegularsData
import RegularsMeasure
import Testing

/// 200k events and 200k lines: linear-ish attribution finishes in about a second in a debug build, where a
/// line-by-click scan (4·10¹⁰ comparisons) would not finish at all. No timing assertion: a slow machine must not
/// fail it, but a quadratic regression makes it hang.
struct ScaleTests {
    @Test func twoHundredThousandEventsAndLines() {
        var random = SeededRandom(seed: 42)
        let customers = 20_000
        let skus = 2_000
        let kinds: [ShopEvent.Kind] = [
            .productView, .recommendationImpression, .recommendationImpression, .recommendationClick, .emailClick,
        ]
        var events: [ShopEvent] = []
        events.reserveCapacity(200_000)
        for index in 0..<200_000 {
            let customer = random.below(customers)
            let guest = random.below(4) == 0
            events.append(
                ShopEvent(
                    id: "e\(index)", kind: kinds[random.below(kinds.count)], at: t0 + Int64(random.below(90 * 86_400)),
                    customerID: guest ? nil : "c\(customer)", sessionID: "s\(customer)-\(random.below(3))",
                    sku: "k\(random.below(skus))", source: "src\(random.below(5))"))
        }
        var lines: [PlacedLine] = []
        lines.reserveCapacity(200_000)
        for index in 0..<200_000 {
            // Every tenth line repeats an earlier key, as a re-import does; half follow an event within two days
            // (same shopper and SKU), so many lines have a candidate click and the binary searches do real work.
            let order = index % 10 == 9 ? random.below(index / 3 + 1) : index / 3
            let cue = events[random.below(events.count)]
            let follows = random.below(2) == 0
            lines.append(
                PlacedLine(
                    orderID: "o\(order)", position: index % 3,
                    customerID: follows ? cue.customerID : "c\(random.below(customers))",
                    sessionID: follows ? cue.sessionID : nil,
                    at: follows ? cue.at + Int64(random.below(2 * 86_400)) : t0 + Int64(random.below(90 * 86_400)),
                    sku: follows ? cue.sku ?? "k0" : "k\(random.below(skus))", quantity: 1,
                    unitPrice: Money(units: 10 * Money.scale)))
        }
        let clock = ContinuousClock()
        let started = clock.now
        let report = AttributionReport.make(events: events, lines: lines, period: t0..<(t0 + 90 * 86_400))
        print("attribution of 200k events × 200k lines: \(clock.now - started), \(report.attributedLines.count) lines")
        #expect(report.orders > 0)
        #expect(report.attributedLines.count > 10_000)
        #expect(report.attributedLines.count <= lines.count)
    }
}
