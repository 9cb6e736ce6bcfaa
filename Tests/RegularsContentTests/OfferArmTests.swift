import Foundation
import RegularsData
import RegularsRecommend
import RegularsSegments
import Testing

@testable import RegularsContent

@Suite("The offer policy as an experiment arm")
struct OfferArmTests {
    @Test("in the offer-policy arm only the policy's customers get the incentive; the default arm keeps the playbook's")
    func arms() async throws {
        var voice = BrandVoice()
        voice.allowDiscount = true
        voice.discountText = "10% off your next order with WELCOMEBACK"
        #expect(voice.discountShare == 0.10)
        var inputs = DemoCampaign.inputs(voice: voice)
        var settings = OfferPolicy.Settings()
        settings.share = try #require(voice.discountShare)
        let plan = OfferPolicy.plan(
            report: DemoCampaign.predictions, snapshot: DemoCampaign.snapshot, settings: settings, budget: nil)
        inputs.offers = Set(plan.decisions.filter(\.offer).map(\.customerID))
        #expect(!inputs.offers.isEmpty)
        inputs.experiments = [
            ExperimentRecord(
                name: "offers", placement: Placement.emailWinBack.rawValue,
                arms: [
                    .init(name: "playbook", recipe: "default", weight: 1),
                    .init(name: "policy", recipe: "offer-policy", weight: 1),
                ], startedAt: 0)
        ]
        let campaign = await Campaign.make(segment: .lapsed, inputs: inputs)
        let arm = Dictionary(uniqueKeysWithValues: campaign.exposures.map { ($0.unit, $0.arm) })
        var policy = (offered: 0, withheld: 0)
        var playbook = 0
        for email in campaign.emails {
            switch arm[email.customerID] {
            case "policy":
                #expect((email.discount != nil) == inputs.offers.contains(email.customerID))
                if email.discount != nil { policy.offered += 1 } else { policy.withheld += 1 }
            case "playbook":
                #expect(email.discount != nil, "the lapsed playbook offers the voice's discount to everyone")
                playbook += 1
            default:
                Issue.record("every recipient is in an arm")
            }
        }
        #expect(playbook > 0 && policy.offered > 0 && policy.withheld > 0, "\(playbook) \(policy)")
        #expect(MerchandisingRules().armRecipe(named: "offer-policy") == .offerPolicy)
    }
}
