import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsSegments

/// The offer policy on CDNOW's real purchase history, with three planted customers whose answer is known.
@Suite("Offer policy: incentives from predicted value")
struct OfferPolicyTests {
    static let asOf = Fixtures.day("1998-07-01")

    /// CDNOW's transactions plus: a steady customer (every 14 days, to the last week), a slipping one (every 30 days
    /// for a year, silent for the last two months) and a small buyer of early 1997.
    static func snapshot() throws -> Snapshot {
        var builder = SnapshotBuilder(asOf: asOf)
        for (number, transaction) in try CDNOW.transactions().enumerated() {
            builder.add(
                line: .init(
                    orderID: "T\(number)", customerID: transaction.customerID,
                    orderedAt: Int64(transaction.date.timeIntervalSince1970), sku: "CD",
                    unitPrice: transaction.amount.units))
        }
        func plant(_ id: String, every days: Int, from start: String, through end: String, spend: Double) {
            var day = Fixtures.day(start)
            var n = 0
            while day <= Fixtures.day(end) {
                n += 1
                builder.add(
                    line: .init(
                        orderID: "\(id)-\(n)", customerID: id, orderedAt: Int64(day.timeIntervalSince1970) + 43_200,
                        sku: "CD", unitPrice: Money(rounding: spend).units))
                day = day.addingTimeInterval(Double(days) * 86_400)
            }
        }
        plant("STEADY", every: 14, from: "1997-07-01", through: "1998-06-28", spend: 150)
        plant("SLIPPING", every: 30, from: "1997-04-01", through: "1998-05-01", spend: 150)
        plant("SMALL", every: 60, from: "1997-01-10", through: "1997-03-15", spend: 3)
        return builder.build()
    }

    static func plan(budget: Money? = nil) throws -> (OfferPolicy.Plan, [CustomerID: OfferPolicy.Chances]) {
        let snapshot = try snapshot()
        let report = PredictionReport.make(snapshot: snapshot, asOf: asOf)
        var settings = OfferPolicy.Settings()
        settings.lift = 0.4
        return (
            OfferPolicy.plan(report: report, snapshot: snapshot, settings: settings, budget: budget),
            OfferPolicy.chances(report: report, snapshot: snapshot, settings: settings)
        )
    }

    @Test("the planted customers get the known answers, each with its reason")
    func planted() throws {
        let (plan, chances) = try Self.plan()
        let decision = { (id: String) in plan.decisions.first { $0.customerID == id }! }
        let steady = decision("STEADY"), slipping = decision("SLIPPING"), small = decision("SMALL")
        #expect(steady.verdict == .buysAnyway, "\(steady) \(chances["STEADY"]!)")
        #expect(steady.reason.hasPrefix("likely to order within 30 days anyway"))
        #expect(slipping.verdict == .offer, "\(slipping) \(chances["SLIPPING"]!)")
        #expect(slipping.reason.contains("valuable and slipping") && slipping.reason.contains("down from"))
        let send = try #require(slipping.sendOn)
        #expect(send >= Self.asOf && send <= Self.asOf.addingTimeInterval(30 * 86_400))
        // A tenth of the expected order value (Gamma-Gamma's, close to the planted 150).
        let incentive = try #require(slipping.incentive).doubleValue
        #expect(incentive > 10 && incentive < 20, "\(incentive)")
        #expect(small.verdict == .lowValue, "\(small)")
    }

    @Test("no offer goes to a customer likely to buy anyway, and every offer is expected to pay for itself")
    func economics() throws {
        let (plan, chances) = try Self.plan()
        #expect(plan.offers > 0)
        #expect(!plan.marginFromCosts && plan.marginRate == 0.4)
        for decision in plan.decisions where decision.offer {
            let chance = try #require(chances[decision.customerID])
            #expect(chance.purchase < 0.5, "\(decision.customerID)")
            #expect(decision.expectedMarginGain!.units > decision.expectedCost!.units)
            #expect(decision.probabilityAliveBefore! - decision.probabilityAlive! >= 0.1)
        }
        for decision in plan.decisions where chances[decision.customerID].map({ $0.purchase >= 0.5 }) == true {
            #expect(decision.verdict == .buysAnyway)
        }
    }

    @Test("a budget keeps the best offers whose expected cost fits it")
    func budget() throws {
        let (full, _) = try Self.plan()
        let limit = Money(rounding: full.totalExpectedCost.doubleValue / 3)
        let (capped, _) = try Self.plan(budget: limit)
        #expect(capped.offers > 0 && capped.offers < full.offers)
        #expect(capped.totalExpectedCost.units <= limit.units)
        let kept = Set(capped.decisions.filter(\.offer).map(\.customerID))
        #expect(kept.isSubset(of: Set(full.decisions.filter(\.offer).map(\.customerID))))
        #expect(capped.decisions.contains { $0.verdict == .overBudget })
    }
}
