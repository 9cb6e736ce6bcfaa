import Foundation
import RegularsData
import Testing

@testable import RegularsRecommend

@Suite("A customer's restocks and next steps, per day")
struct DayEvidenceTests {
    static let models = PlacementFixtures.models
    static let customers = PersonalListsTests.customersWithOrders
    /// The midnight after the models' data end, and 15:30 that day.
    static let midnight = DayEvidence.dayStart(models.asOf).addingTimeInterval(DayNumber.interval)
    static let afternoon = midnight.addingTimeInterval(15.5 * 3600)

    static func request(_ placement: Placement, _ customer: CustomerIndex, asOf: Date, limit: Int = 10)
        -> RecommendationRequest
    {
        var request = PersonalListsTests.request(placement, customer, excludeOwned: false)
        request.asOf = asOf
        request.limit = limit
        return request
    }

    @Test("evidence computed ahead for the day is what requests compute, at midnight and in the afternoon")
    func aheadIsComputed() throws {
        let computing = Recommender(models: Self.models)
        let ahead = Recommender(models: Self.models)
        // Nothing to claim before the lists (the customers) are known.
        #expect(!ahead.claimDayEvidence(asOf: Self.afternoon))
        ahead.precomputePersonalLists()
        #expect(ahead.claimDayEvidence(asOf: Self.afternoon))
        #expect(!ahead.claimDayEvidence(asOf: Self.midnight), "the same day, under way")
        ahead.precomputeDayEvidence(asOf: Self.afternoon)
        #expect(!ahead.claimDayEvidence(asOf: Self.midnight), "the same day, computed")
        let day = DayNumber.day(of: Self.midnight)
        var withEvidence = 0
        for c in Self.customers {
            let stored = try #require(ahead.personalLists.evidence(for: c, day: day))
            #expect(ahead.personalLists.evidence(for: c, day: day + 1) == nil)
            if !stored.restocks.isEmpty || !stored.nextSteps.isEmpty { withEvidence += 1 }
        }
        #expect(withEvidence > Self.customers.count / 10, "the demo's customers have restocks and next steps")
        for c in Self.customers.enumerated().filter({ $0.offset % 5 == 0 }).map(\.element) {
            for placement in Placement.allCases {
                for asOf in [Self.midnight, Self.afternoon] {
                    let request = Self.request(placement, c, asOf: asOf)
                    #expect(try ahead.recommend(request) == computing.recommend(request), "\(placement) \(c) \(asOf)")
                }
            }
            // A list longer than the next steps kept ahead computes its own, and still answers the same.
            let long = Self.request(.emailPostPurchase, c, asOf: Self.afternoon, limit: DayEvidence.nextStepLimit)
            #expect(try ahead.recommend(long) == computing.recommend(long))
        }
    }

    @Test("the next day is claimed again, and its evidence replaces the previous day's; an earlier day is not")
    func nextDay() throws {
        let ahead = Recommender(models: Self.models)
        ahead.precomputePersonalLists()
        let tomorrow = Self.midnight.addingTimeInterval(DayNumber.interval)
        #expect(ahead.claimDayEvidence(asOf: Self.midnight))
        ahead.precomputeDayEvidence(asOf: Self.midnight)
        #expect(ahead.claimDayEvidence(asOf: tomorrow))
        ahead.precomputeDayEvidence(asOf: tomorrow)
        let c = Self.customers[0]
        #expect(ahead.personalLists.evidence(for: c, day: DayNumber.day(of: tomorrow)) != nil)
        #expect(ahead.personalLists.evidence(for: c, day: DayNumber.day(of: Self.midnight)) == nil)
        // Never back: a request as of the day before computes its own.
        #expect(!ahead.claimDayEvidence(asOf: Self.midnight))
        let request = Self.request(.emailPostPurchase, c, asOf: Self.midnight)
        #expect(try ahead.recommend(request) == Recommender(models: Self.models).recommend(request))
    }

    /// Restocks and next steps are counted in days: the lists that lead with them (the post-purchase e-mail) are the
    /// same all day, so the e-mail a shop previews in the morning is the one it sends in the afternoon. (The loyal
    /// e-mail's new arrivals still fade by the hour.)
    @Test("a day's post-purchase e-mails and home lists are the same at midnight and at 15:30")
    func sameAllDay() throws {
        let recommender = Recommender(models: Self.models)
        var timed = 0
        for c in Self.customers {
            for placement in [Placement.emailPostPurchase, .home] {
                let morning = try recommender.recommend(Self.request(placement, c, asOf: Self.midnight))
                let later = try recommender.recommend(Self.request(placement, c, asOf: Self.afternoon))
                #expect(Bool(morning == later), "\(placement) \(c)")
                timed += morning.items.filter { $0.model == "replenishment" || $0.model == "next_step" }.count
            }
        }
        #expect(timed > 0, "some picks are timed, so the test can tell")
    }
}
