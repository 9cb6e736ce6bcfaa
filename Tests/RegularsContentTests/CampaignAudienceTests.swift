import Foundation
import RegularsData
import RegularsDemo
import RegularsSegments
import Testing

@testable import RegularsContent

@Suite("Campaign audience")
struct CampaignAudienceTests {
    @Test("only segment members who accept marketing, have not opted out and have an e-mail; counts add up")
    func consent() async {
        let campaign = await Campaign.make(segment: .lapsed, inputs: DemoCampaign.inputs())
        let snapshot = DemoCampaign.snapshot
        for email in campaign.emails {
            let customer = snapshot.customers[Int(snapshot.customerIndexByID[email.customerID]!)]
            #expect(customer.acceptsMarketing && !customer.optedOut && customer.email == email.email)
            #expect(email.blurbs.allSatisfy { !snapshot.products[Int(snapshot.productIndexBySKU[$0.sku]!)].sensitive })
            #expect((3...4).contains(email.blurbs.count))
        }
        #expect(campaign.summary.recipients + campaign.summary.skippedTotal == campaign.summary.members)
        #expect((campaign.summary.skipped["no_marketing_consent"] ?? 0) > 0)
    }

    @Test("--promote puts the SKU first in every e-mail; a sensitive SKU is never promoted")
    func promote() async throws {
        let promoted = await Campaign.make(
            segment: .loyal, inputs: DemoCampaign.inputs(), promote: DemoShop.GroundTruth.careKit, limit: 20)
        #expect(promoted.emails.allSatisfy { $0.blurbs.first?.sku == DemoShop.GroundTruth.careKit })
        let sensitive = try #require(DemoCampaign.snapshot.products.first(where: \.sensitive)?.sku)
        let refused = await Campaign.make(segment: .loyal, inputs: DemoCampaign.inputs(), promote: sensitive, limit: 20)
        #expect(refused.emails.allSatisfy { !$0.blurbs.contains { $0.sku == sensitive } })
    }

    @Test("an intro never names a sensitive purchase")
    func sensitiveLastPurchase() async {
        let snapshot = DemoCampaign.snapshot
        let sensitiveTitles = snapshot.products.filter(\.sensitive).map { LastPurchase.shortTitle($0.title) }
        for segment in [LifecycleSegment.lapsed, .loyal, .new] {
            let campaign = await Campaign.make(segment: segment, inputs: DemoCampaign.inputs())
            for email in campaign.emails {
                #expect(
                    !sensitiveTitles.contains {
                        email.intro.contains($0) || email.subject.contains($0) || email.sms.contains($0)
                    })
            }
        }
    }
}
