import Foundation
import RegularsData
import RegularsDemo
import RegularsRecommend
import Testing

@testable import RegularsContent

@Suite("The skillet e-mail")
struct SkilletEmailTests {
    typealias Truth = DemoShop.GroundTruth

    /// A skillet buyer who ordered nothing else in the 91 days after it and had no care kit by then, and
    /// that day: the seed's "three months in with your skillet" customer.
    static func skilletCustomer() -> (customer: CustomerID, asOf: Date)? {
        let s = DemoCampaign.snapshot
        guard let skillet = s.productIndexBySKU[Truth.skillet], let kit = s.productIndexBySKU[Truth.careKit] else {
            return nil
        }
        let span: Int64 = 91 * 86_400
        for c in 0..<Int32(s.customerCount) {
            let customer = s.customers[Int(c)]
            guard customer.acceptsMarketing, !customer.optedOut, customer.firstName != nil else { continue }
            let orders = s.orders(of: c)
            for order in orders where s.lines(of: order).contains(where: { s.lineProduct[$0] == skillet }) {
                let day = s.orderTime[order]
                let kitBy = s.lines(ofCustomer: c).contains { s.lineProduct[$0] == kit && s.lineTime($0) <= day + span }
                let otherOrder = orders.contains {
                    $0 != order && s.orderTime[$0] > day && s.orderTime[$0] <= day + span
                }
                if !kitBy, !otherOrder, day + span < s.asOfSeconds {
                    return (customer.id, Date(timeIntervalSince1970: TimeInterval((day / 86_400) * 86_400 + span)))
                }
            }
        }
        return nil
    }

    @Test("names the skillet and its age in words, with 3–4 picks and reasons, the care kit among them")
    func skilletEmail() throws {
        let (id, asOf) = try #require(Self.skilletCustomer())
        let snapshot = DemoShop.generate().snapshot(asOf: asOf)
        let index = try #require(snapshot.customerIndexByID[id])
        var voice = BrandVoice()
        voice.shopName = "Hearth & Home"
        voice.signOff = "Happy cooking"
        voice.currencySymbol = "£"
        let catalog = CatalogFacts(snapshot: snapshot, voice: voice, handles: [:])
        let recommender = Recommender(models: ModelSet.train(on: snapshot, trainedAt: asOf))
        let playbook = Playbook.for(.lapsed)
        let recipient = CampaignRecipient(
            customerID: id, email: "someone@example.com", firstName: snapshot.customers[Int(index)].firstName,
            lastPurchase: catalog.lastPurchase(of: index, in: snapshot),
            products: CampaignAudience.products(
                for: id, playbook: playbook, recommender: recommender, catalog: catalog, asOf: asOf, promote: nil))
        let email = CampaignComposer(voice: voice, playbook: playbook, templates: DemoCampaign.templates)
            .compose(recipient)
        let text = DemoCampaign.templates.render("email.txt", email.templateValues)
        print(text + "\nSMS: " + email.sms)
        #expect(email.intro.localizedCaseInsensitiveContains("skillet"))
        #expect(email.intro.contains("three months") || email.intro.contains("Three months"))
        #expect((3...4).contains(email.blurbs.count))
        #expect(email.blurbs.allSatisfy { !$0.why.isEmpty })
        #expect(email.blurbs.contains { $0.sku == Truth.careKit })
        #expect(email.subject.count <= 60)
        #expect(SMSText.fits(email.sms))
    }
}
