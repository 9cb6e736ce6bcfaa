import Foundation
import RegularsData
import RegularsSegments
import RegularsTestSupport
import Testing

@testable import RegularsContent

@Suite("Seasons in campaigns")
struct SeasonCampaignTests {
    @Test("--season narrows a segment to the members who buy mainly in that season: 'bought in summer, nothing since'")
    func narrowed() async throws {
        let all = await Campaign.make(segment: .lapsed, inputs: DemoCampaign.inputs())
        let summer = await Campaign.make(segment: .lapsed, inputs: DemoCampaign.inputs(), season: .summer)
        #expect(summer.summary.members > 0 && summer.summary.members < all.summary.members)
        #expect(summer.summary.season == "summer")
        #expect(summer.name.hasPrefix("lapsed-summer-"))
        let seasons = Dictionary(
            uniqueKeysWithValues: DemoCampaign.predictions.customers.map { ($0.customerID, $0.season) })
        for email in summer.emails { #expect(seasons[email.customerID] == .summer) }
        let expected = DemoCampaign.predictions.customers.filter {
            $0.segments.contains(.lapsed) && $0.season == .summer
        }
        #expect(summer.summary.members == expected.count)
    }

    @Test("copy goes stale a quarter after it was written, or when its season has passed")
    func freshness() {
        let written = Fixtures.day("2025-06-30")
        #expect(CopyFreshness.notice(writtenAt: written, now: Fixtures.day("2025-07-15")) == nil)
        #expect(CopyFreshness.notice(writtenAt: written, now: Fixtures.day("2025-08-31")) == nil)
        let autumn = CopyFreshness.notice(writtenAt: written, now: Fixtures.day("2025-09-02"))
        #expect(autumn?.contains("written in summer and it is autumn now") == true, "\(autumn ?? "nil")")
        let june = Fixtures.day("2025-06-01")
        #expect(CopyFreshness.notice(writtenAt: june, now: Fixtures.day("2025-08-31")) == nil, "91 days: a quarter")
        let both = CopyFreshness.notice(writtenAt: june, now: Fixtures.day("2025-09-05"))
        #expect(both?.contains("refresh copy every quarter") == true && both?.contains("autumn now") == true)
        let yearOld = CopyFreshness.notice(writtenAt: Fixtures.day("2024-07-01"), now: Fixtures.day("2025-07-01"))
        #expect(yearOld?.contains("written in summer and it is summer now") == true)
    }
}
