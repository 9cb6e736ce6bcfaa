import Foundation
import RegularsData
import RegularsDemo
import RegularsTestSupport
import Testing

@testable import RegularsRecommend

@Suite("NextStepModel")
struct NextStepModelTests {
    typealias Order = ExplainableFixtures.Order

    /// Ten customers buy K (with T in the same order) on day 0, the bestseller G on day 30 and S 45…54 days
    /// after K; ten others buy F on day 0 and G on day 30; z bought K on day 160. Today is day 200.
    static let book: Snapshot = {
        var orders: [Order] = []
        for i in 0..<10 {
            orders += [
                Order("k\(i)", day: 0, ["K", "T"]), Order("k\(i)", day: 3, ["U"]), Order("k\(i)", day: 30, ["G"]),
                Order("k\(i)", day: 45 + Double(i), ["S"]),
            ]
            orders += [Order("f\(i)", day: 0, ["F"]), Order("f\(i)", day: 30, ["G"])]
        }
        orders.append(Order("z", day: 160, ["K"]))
        return ExplainableFixtures.snapshot(orders, asOfDay: 200)
    }()

    static let model = NextStepModel.train(on: book, asOf: ExplainableFixtures.date(200))
    static func index(_ sku: String) -> ProductIndex { book.productIndexBySKU[sku]! }

    @Test("the lag's quartiles come from the planted sequence (45…54 days: 47.25, 49.5, 51.75)")
    func lagQuartiles() throws {
        let step = try #require(Self.model.nextSteps(after: Self.index("K")).first)
        #expect(step.product == Self.index("S"))
        #expect(step.customers == 10)
        #expect(abs(step.lagDays.median - 49.5) < 1e-3)
        #expect(abs(step.lagDays.p25 - 47.25) < 1e-3)
        #expect(abs(step.lagDays.p75 - 51.75) < 1e-3)
        // Uplift: 10 of 11 K buyers (+5 pseudo) against the base rate 10 of 21 customers.
        #expect(abs(step.score - (10.0 / 16.0 - 10.0 / 21.0)) < 1e-5)
    }

    @Test("a bestseller every customer buys is no next step, nor is anything in the same order or week")
    func baseRateAndMinimumLag() {
        let steps = Self.model.nextSteps(after: Self.index("K")).map(\.product)
        #expect(!steps.contains(Self.index("G")))
        #expect(!steps.contains(Self.index("T")))
        #expect(!steps.contains(Self.index("U")))
        #expect(Self.model.nextSteps(after: Self.index("F")).isEmpty)
    }

    @Test("tells a customer what comes next after their recent purchase, and when to reach out")
    func upcoming() throws {
        let z = Self.book.customerIndexByID["z"]!
        let next = try #require(Self.model.upcoming(for: z, limit: 3).first)
        #expect(next.product == Self.index("S"))
        #expect(next.after == Self.index("K"))
        #expect(abs(next.expectedDate.timeIntervalSince(ExplainableFixtures.date(160 + 49.5))) < 1)
        #expect(abs(next.reachOutDate.timeIntervalSince(ExplainableFixtures.date(160 + 47.25))) < 1)
        let scored = Self.model.recommend(for: z, limit: 3)
        #expect(scored.first?.evidence == .nextStep(after: Self.index("K"), medianLagDays: next.medianLagDays))
        #expect(scored.first?.anchor == Self.index("K"))
        // Day 200 is 40 days after K: before the reach-out day, so the timing fit is 40 / 47.25.
        let step = Self.model.nextSteps(after: Self.index("K"))[0]
        #expect(abs(next.score - step.score * 40 / 47.25) < 1e-4)
    }

    @Test("leaves out a step already taken, and one whose time has long passed")
    func upcomingFilters() {
        let k = Self.index("K")
        let s = Self.index("S")
        let day = ExplainableFixtures.date
        let taken = Self.model.upcoming(after: [(k, day(100)), (s, day(140))], asOf: day(150), limit: 3)
        #expect(taken.isEmpty)
        let late = Self.model.upcoming(after: [(k, day(100))], asOf: day(300), limit: 3)
        #expect(late.isEmpty)
        let onTime = Self.model.upcoming(after: [(k, day(100))], asOf: day(148), limit: 3)
        #expect(onTime.map(\.product) == [s])
        #expect(onTime.first?.score == Self.model.nextSteps(after: k)[0].score)
    }

    @Test("on the demo shop, a raised-bed kit leads to a soil amendment 42-56 days later")
    func demoGarden() throws {
        let snapshot = ExplainableFixtures.demoSnapshot
        let model = NextStepModel.train(on: snapshot, asOf: snapshot.asOf)
        let amendments = Set(DemoShop.GroundTruth.soilAmendments)
        for kit in DemoShop.GroundTruth.raisedBedKits {
            let step = try #require(model.nextSteps(after: ExplainableFixtures.demoProduct(kit), limit: 1).first)
            #expect(amendments.contains(ExplainableFixtures.demoSKU(step.product)), "\(kit)")
            #expect(DemoShop.GroundTruth.soilAmendmentLagDays.contains(Int(step.lagDays.median.rounded())), "\(kit)")
        }
    }

    @Test("on the demo shop, a customer who bought a kit this spring hears about soil amendments in time")
    func demoUpcoming() {
        let snapshot = ExplainableFixtures.demoSnapshot
        let asOf = Fixtures.day("2025-04-25")
        let now = Int64(asOf.timeIntervalSince1970)
        let model = NextStepModel.train(on: snapshot, asOf: asOf)
        let kits = Set(DemoShop.GroundTruth.raisedBedKits.map(ExplainableFixtures.demoProduct))
        let amendments = Set(DemoShop.GroundTruth.soilAmendments.map(ExplainableFixtures.demoProduct))
        var checked = 0
        for customer in 0..<Int32(snapshot.customerCount) {
            var kitTime: Int64?
            var laterAmendment = false
            for line in snapshot.lines(ofCustomer: customer) where snapshot.lineTime(line) < now {
                let product = snapshot.lineProduct[line]
                if kits.contains(product) { kitTime = snapshot.lineTime(line) }
                if let kitTime, amendments.contains(product), snapshot.lineTime(line) > kitTime {
                    laterAmendment = true
                }
            }
            guard let kitTime, !laterAmendment else { continue }
            let days = Double(now - kitTime) / 86_400
            guard (20...40).contains(days) else { continue }
            let upcoming = model.upcoming(for: customer, limit: 5)
            let first = upcoming.first { amendments.contains($0.product) }
            #expect(first != nil, "customer \(customer), kit \(days) days ago")
            if let first {
                let lead = first.reachOutDate.timeIntervalSince1970 - Double(kitTime)
                #expect((35...56).contains(lead / 86_400))
            }
            checked += 1
        }
        #expect(checked >= 3)
    }
}
