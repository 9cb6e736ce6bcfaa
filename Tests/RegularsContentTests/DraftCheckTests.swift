import Foundation
import RegularsData
import Testing

@testable import RegularsContent

@Suite("LLM draft fact check")
struct DraftCheckTests {
    static let facts = [
        SegmentPrompt.ProductFact(
            sku: "CI-CARE-KIT", title: "Cast-Iron Care Kit", category: "Kitchen tools & care", price: "$18.50",
            reason: "Because you bought the Lodge Cast-Iron Skillet 10.25 in")
    ]
    static var check: DraftCheck { DraftCheck(facts: facts, catalog: DemoCampaign.catalog, voice: BrandVoice()) }

    static func draft(intro: String = "{{since}} with your {{last_product}}.", blurb: String = "Keeps it seasoned.")
        -> CopyDraft
    {
        CopyDraft(
            subject: "{{first_name}}, ideas for you", preheader: "Picked for you.", intro: intro,
            blurbs: ["CI-CARE-KIT": blurb])
    }

    @Test("reads money as £12.50, $12.50, 12.50 and €12; not sizes or counts")
    func amounts() {
        #expect(
            DraftCheck.amounts(in: "now £12.50 or $12.50 or 12.50 or €12") == [
                Money(parsing: "12.50")!, Money(parsing: "12.50")!, Money(parsing: "12.50")!, Money(parsing: "12")!,
            ])
        #expect(DraftCheck.amounts(in: "a 10.25 in skillet, 3 ideas, 250 g").isEmpty)
    }

    @Test("a draft with the catalog price and allowed placeholders passes")
    func passes() {
        #expect(Self.check.problems(in: Self.draft(blurb: "Everything it needs, for $18.50.")).isEmpty)
    }

    @Test("a wrong price, an unknown placeholder, an invented SKU, a stranger's blurb and a long subject fail")
    func failures() {
        #expect(!Self.check.problems(in: Self.draft(blurb: "Only $9.99!")).isEmpty)
        #expect(!Self.check.problems(in: Self.draft(intro: "Hi {{email}}")).isEmpty)
        #expect(!Self.check.problems(in: Self.draft(intro: "Try the new ZZ-9000 today.")).isEmpty)
        var stranger = Self.draft()
        stranger.blurbs["LODGE-L8SK3"] = "A skillet."
        #expect(!Self.check.problems(in: stranger).isEmpty)
        var long = Self.draft()
        long.subject = String(repeating: "very long subject ", count: 4)
        #expect(!Self.check.problems(in: long).isEmpty)
        #expect(!Self.check.problems(in: Self.draft(intro: "Dear Valued Customer, hello.")).isEmpty)
    }

    @Test(
        "a draft bringing its own link, e-mail address or phone number fails",
        arguments: [
            "Reorder at http://evil.example today.", "Visit www.evil.example.", "Write to deals@evil.example.",
            "Call us on 0800 123 4567.",
        ])
    func contactDetails(intro: String) {
        #expect(!Self.check.problems(in: Self.draft(intro: intro)).isEmpty)
    }

    @Test("a draft naming a sensitive product fails")
    func sensitive() throws {
        let title = try #require(DemoCampaign.snapshot.products.first(where: \.sensitive)?.title)
        #expect(!Self.check.problems(in: Self.draft(intro: "You might like the \(title).")).isEmpty)
    }

    @Test("decodes a JSON draft, also inside a code fence; prose is malformed")
    func decoding() throws {
        let draft = try DraftCheck.decode(
            "```json\n{\"subject\":\"S\",\"intro\":\"I\",\"blurbs\":{\"A-1\":\"b\"}}\n```")
        #expect(draft.subject == "S" && draft.blurbs["A-1"] == "b")
        #expect(throws: LLMError.self) { try DraftCheck.decode("Sure! Here is your e-mail.") }
    }

    @Test("the prompt holds product facts and the playbook, and no customer field")
    func prompt() {
        let prompt = SegmentPrompt(voice: BrandVoice(), playbook: .for(.lapsed), products: Self.facts, recipients: 12)
        let text = prompt.messages.map { $0["content"]! }.joined()
        #expect(text.contains("Cast-Iron Care Kit") && text.contains("$18.50") && text.contains("Lapsed"))
        #expect(!text.contains("@"))
    }
}

@Suite("Redaction")
struct RedactionTests {
    static let recipient = CampaignRecipient(
        customerID: "c-00ab12", email: "rose.smith@example.com", firstName: "Amelia", lastPurchase: nil, products: [])

    @Test("finds a recipient's e-mail, id or first name in outgoing text, and says which without saying it")
    func leaks() {
        #expect(
            Redaction.leaks(in: "write to rose.smith@example.com", recipients: [Self.recipient], catalogText: "") == [
                "e-mail"
            ])
        #expect(
            Redaction.leaks(in: "customer c-00ab12", recipients: [Self.recipient], catalogText: "") == ["customer id"])
        #expect(Redaction.leaks(in: "Hi Amelia!", recipients: [Self.recipient], catalogText: "") == ["first name"])
        #expect(
            Redaction.leaks(
                in: "Segment: lapsed. Products: Cast-Iron Care Kit", recipients: [Self.recipient], catalogText: ""
            ).isEmpty)
    }

    @Test("a short numeric id counts as a whole token only, not inside a price or a count")
    func numericIDs() {
        let numeric = CampaignRecipient(
            customerID: "1001", email: "a@example.com", firstName: nil, lastPurchase: nil, products: [])
        #expect(Redaction.leaks(in: "Price 21001.50, 10010 sold", recipients: [numeric], catalogText: "").isEmpty)
        #expect(Redaction.leaks(in: "customer 1001 bought", recipients: [numeric], catalogText: "") == ["customer id"])
    }

    @Test("a first name that is also a catalog word does not count")
    func catalogWords() {
        #expect(
            Redaction.leaks(
                in: "the Amelia Rose Candle", recipients: [Self.recipient], catalogText: "Amelia Rose Candle"
            ).isEmpty)
    }
}
