import Foundation
import RegularsTestSupport
import Testing

@testable import RegularsContent

@Suite("Templates")
struct TemplateSetTests {
    static func recipient(name: String?) -> CampaignRecipient {
        CampaignRecipient(
            customerID: "c-1", email: "a@example.com", firstName: name,
            lastPurchase: LastPurchase(
                sku: "LODGE-L8SK3", title: "Lodge Cast-Iron Skillet 10.25 in", shortTitle: "Lodge Cast-Iron Skillet",
                date: Date(timeIntervalSince1970: 0), daysAgo: 92),
            products: [
                FeaturedProduct(
                    sku: "CI-CARE-KIT", title: "Cast-Iron Care Kit", category: nil, price: nil,
                    url: "https://shop.example/products/cast-iron-care-kit",
                    reason: "Because you bought the Lodge Cast-Iron Skillet 10.25 in")
            ])
    }

    @Test("a file in the shop's templates folder replaces the shipped one by name")
    func overrides() throws {
        let folder = try Fixtures.temporaryDirectory()
        try Data("{{% CONTENT_TYPE: TEXT}}CUSTOM {{subject}}\n".utf8)
            .write(to: folder.appendingPathComponent("email.txt.mustache"))
        try Data(#"{"intro": {"default": ["Custom intro about your {{last_product}}."]}}"#.utf8)
            .write(to: folder.appendingPathComponent("phrases.json"))
        let templates = try TemplateSet.load(overrides: folder)
        #expect(Set(templates.overridden) == ["email.txt.mustache", "phrases.json"])
        let email = CampaignComposer(voice: BrandVoice(), playbook: .for(.lapsed), templates: templates)
            .compose(Self.recipient(name: "Ana"))
        #expect(email.intro == "Custom intro about your Lodge Cast-Iron Skillet.")
        #expect(templates.render("email.txt", email.templateValues).hasPrefix("CUSTOM "))
        // The shipped e-mail page is untouched.
        #expect(templates.render("email.html", email.templateValues).contains("<article"))
    }

    @Test("HTML escapes what customers and catalogs wrote; text stays as written")
    func escaping() throws {
        let templates = try TemplateSet.load()
        let email = CampaignComposer(voice: BrandVoice(), playbook: .for(.lapsed), templates: templates)
            .compose(Self.recipient(name: "<b>Ann</b>"))
        let html = templates.render("email.html", email.templateValues)
        #expect(html.contains("Hi &lt;b&gt;Ann&lt;/b&gt;,"))
        #expect(!html.contains("<b>Ann"))
        #expect(templates.render("email.txt", email.templateValues).contains("Hi <b>Ann</b>,"))
    }

    @Test("without a first name the greeting is friendly, never 'Dear Valued Customer'")
    func noName() throws {
        let email = CampaignComposer(voice: BrandVoice(), playbook: .for(.lapsed), templates: try TemplateSet.load())
            .compose(Self.recipient(name: nil))
        #expect(email.greeting == "Hi there,")
        #expect(!email.subject.contains("{{") && !email.intro.contains("{{"))
        #expect(email.intro.localizedCaseInsensitiveContains("skillet"))
    }

    @Test("the voice's tone changes the greeting and the phrasings")
    func tone() throws {
        let templates = try TemplateSet.load()
        var voice = BrandVoice()
        voice.tone = .playful
        let playful = CampaignComposer(voice: voice, playbook: .for(.lapsed), templates: templates).compose(
            Self.recipient(name: "Ana"))
        voice.tone = .warm
        let warm = CampaignComposer(voice: voice, playbook: .for(.lapsed), templates: templates).compose(
            Self.recipient(name: "Ana"))
        #expect(playful.greeting == "Hey Ana,")
        #expect(warm.greeting == "Hi Ana,")
        #expect(playful.subject != warm.subject || playful.cta != warm.cta)
    }

    @Test("a discount line appears only when the voice allows one and the playbook may offer it")
    func discount() throws {
        let templates = try TemplateSet.load()
        var voice = BrandVoice()
        voice.discountText = "10% off with WELCOMEBACK"
        #expect(
            CampaignComposer(voice: voice, playbook: .for(.lapsed), templates: templates).compose(
                Self.recipient(name: "A")
            ).discount == nil)
        voice.allowDiscount = true
        #expect(
            CampaignComposer(voice: voice, playbook: .for(.lapsed), templates: templates).compose(
                Self.recipient(name: "A")
            ).discount?.contains("WELCOMEBACK") == true)
        #expect(
            CampaignComposer(voice: voice, playbook: .for(.loyal), templates: templates).compose(
                Self.recipient(name: "A")
            ).discount == nil)
    }
}
