import Foundation
import RegularsData
import RegularsRecommend
import RegularsSegments
import Testing

@testable import RegularsContent

@Suite("Stated preferences in campaigns and briefs")
struct StatedPreferencesCampaignTests {
    static let key = [UInt8](repeating: 7, count: 32)

    @Test("the re-engagement variant asks what they like and links each recipient to their own signed page")
    func askPreferences() async throws {
        var inputs = DemoCampaign.inputs()
        inputs.tokenKey = Self.key
        let campaign = await Campaign.make(segment: .lapsed, inputs: inputs, limit: 20, askPreferences: true)
        #expect(campaign.emails.count == 20)
        for email in campaign.emails {
            let url = try #require(URLComponents(string: email.ctaURL))
            #expect(url.path == "/preferences")
            let token = try #require(url.queryItems?.first { $0.name == "t" }?.value)
            #expect(PreferenceLink.customer(in: token, key: Self.key, now: inputs.generatedAt) == email.customerID)
            #expect(["Tell us what you like", "Update your preferences"].contains(email.cta))
            #expect(email.intro.contains("categories and prices you like"))
        }
        let plain = await Campaign.make(segment: .lapsed, inputs: inputs, limit: 5)
        #expect(plain.emails.allSatisfy { !$0.ctaURL.contains("/preferences") })
    }

    @Test("a stated category steers the e-mail's picks with its reason; 'fewer e-mails' skips a second e-mail")
    func steersAndSkips() async throws {
        let lapsed = DemoCampaign.predictions.customers.filter { $0.primarySegment == .lapsed }.map(\.customerID)
        var inputs = DemoCampaign.inputs()
        let first = try #require(lapsed.first)
        let second = lapsed[1]
        let now = DemoCampaign.snapshot.asOf
        inputs.preferences = [
            first: StatedPreferences(
                customerID: first, categories: ["Candles"], statedAt: now, expiresAt: now.addingTimeInterval(1e7)),
            second: StatedPreferences(
                customerID: second, categories: [], fewerEmails: true, statedAt: now,
                expiresAt: now.addingTimeInterval(1e7)),
        ]
        inputs.recentlyEmailed = [second]
        let campaign = await Campaign.make(segment: .lapsed, inputs: inputs)
        let email = try #require(campaign.emails.first { $0.customerID == first })
        #expect(
            email.blurbs.contains { $0.why == "Because you told us you like Candles" }, "\(email.blurbs.map(\.why))")
        #expect(!campaign.emails.contains { $0.customerID == second })
        #expect(campaign.summary.skipped["fewer_emails"] == 1)
        // Without a recent e-mail, "fewer" still gets this one.
        inputs.recentlyEmailed = []
        let later = await Campaign.make(segment: .lapsed, inputs: inputs)
        #expect(later.emails.contains { $0.customerID == second })
    }

    @Test("a customer's brief shows what they told us")
    func brief() throws {
        let prediction = try #require(DemoCampaign.predictions.customers.first { $0.orders >= 2 })
        let index = try #require(DemoCampaign.snapshot.customerIndexByID[prediction.customerID])
        let now = DemoCampaign.snapshot.asOf
        let stated = StatedPreferences(
            customerID: prediction.customerID, categories: ["Candles"],
            priceBands: [PriceBand(minimum: Money(units: 100_000), maximum: Money(units: 250_000))], fewerEmails: true,
            statedAt: now, expiresAt: now.addingTimeInterval(365 * 86_400))
        let brief = ClientelingBrief.make(
            customer: index, snapshot: DemoCampaign.snapshot, prediction: prediction,
            recommender: DemoCampaign.inputs().recommender, voice: BrandVoice(), asOf: now, stated: stated)
        #expect(brief.text.contains("Told us: Likes Candles; Prices $10.00 to $25.00; Asked for fewer e-mails"))
    }
}
