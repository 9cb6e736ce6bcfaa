import Foundation
import RegularsData
import RegularsDemo
import Testing

@testable import RegularsContent

@Suite("Copy per traffic source")
struct SourceCopyTests {
    static func campaign(_ source: TrafficSource?, voice: BrandVoice = BrandVoice()) async -> [String: ComposedEmail] {
        let campaign = await Campaign.make(
            segment: .lapsed, inputs: DemoCampaign.inputs(voice: voice), limit: 40, source: source)
        return Dictionary(uniqueKeysWithValues: campaign.emails.map { ($0.customerID, $0) })
    }

    @Test("instagram copy is short with one emoji, e-mail copy is the voice's own; same picks, same limits")
    func instagramAgainstEmail() async throws {
        let instagram = await Self.campaign(.instagram)
        let email = await Self.campaign(.email)
        let main = await Self.campaign(nil)
        #expect(instagram.count == 40 && email.count == 40)
        var shorter = 0
        for (id, mail) in email {
            let insta = try #require(instagram[id])
            #expect(insta.blurbs.map(\.sku) == mail.blurbs.map(\.sku))
            // Instagram: a phone's subject with exactly one emoji, a one-sentence intro, no colour lines.
            #expect(insta.subject.count <= SourceStyle.shortLimit, "\(insta.subject)")
            #expect(DraftCheck.emojiCount(insta.subject) == 1, "\(insta.subject)")
            #expect(CampaignComposer.firstSentence(insta.intro) == insta.intro)
            #expect(insta.blurbs.allSatisfy { $0.note.isEmpty && !$0.why.isEmpty })
            if insta.intro.count < mail.intro.count { shorter += 1 }
            // E-mail: the voice has no emoji and writes full paragraphs, as the main version does.
            #expect(DraftCheck.emojiCount(mail.subject) == 0)
            #expect(mail.subject.count <= CampaignComposer.subjectLimit)
            #expect(mail.intro == main[id]?.intro)
            #expect(mail.blurbs.allSatisfy { !$0.note.isEmpty })
            for text in [insta.subject, insta.intro, mail.subject, mail.intro] {
                #expect(!BrandVoice().wordsToAvoid.contains { text.lowercased().contains($0.lowercased()) })
            }
        }
        #expect(shorter == 40, "every lapsed intro has more than one sentence, so instagram's is shorter")
    }

    @Test("the voice file's line for a source wins over the built-in one; a shop's own source name works")
    func voiceFileWins() async throws {
        var voice = BrandVoice()
        voice.sources["instagram"] = SourceVoice(short: false, emoji: false)
        voice.sources["tiktok"] = SourceVoice(
            line: "TikTok: one line, playful", short: true, emoji: true, tone: .playful)
        let tamed = await Self.campaign(.instagram, voice: voice)
        let main = await Self.campaign(nil, voice: voice)
        for (id, email) in tamed {
            #expect(email.subject == main[id]?.subject)
            #expect(email.intro == main[id]?.intro)
        }
        let tiktok = await Self.campaign(try #require(TrafficSource("TikTok")), voice: voice)
        for email in tiktok.values {
            #expect(email.greeting.hasPrefix("Hey"), "the playful tone greets with Hey")
            #expect(DraftCheck.emojiCount(email.subject) == 1)
            #expect(CampaignComposer.firstSentence(email.intro) == email.intro)
        }
        let summary = await Campaign.make(
            segment: .lapsed, inputs: DemoCampaign.inputs(voice: voice), limit: 5, source: .instagram
        ).summary
        #expect(summary.source == "instagram")
    }

    @Test("the LLM is told the source's line, and its draft is held to it")
    func llmPath() throws {
        let style = BrandVoice().style(for: .instagram)
        let prompt = SegmentPrompt(
            voice: BrandVoice(), playbook: .for(.lapsed), products: [], recipients: 10, style: style)
        let brief = try #require(prompt.messages.last?["content"])
        #expect(brief.contains("Instagram visitors: visual, short, one emoji"))
        #expect(prompt.messages.first?["content"]?.contains("one-sentence intro") == true)
        let check = DraftCheck(facts: [], catalog: DemoCampaign.catalog, voice: BrandVoice())
        let good = CopyDraft(
            subject: "New things for you 🌿", preheader: "A short list.",
            intro: "It's been {{since}} since your {{last_product}}: here's what's new.", blurbs: [:])
        #expect(check.problems(in: good, style: style).isEmpty, "\(check.problems(in: good, style: style))")
        var long = good
        long.intro += " And there is more to see."
        #expect(check.problems(in: long, style: style).contains { $0.hasPrefix("intro: more than one sentence") })
        #expect(check.problems(in: long).isEmpty, "without a source, two sentences are fine")
        var loud = good
        loud.subject = "New things 🌿🌿"
        #expect(check.problems(in: loud, style: style).contains { $0.contains("2 emoji") })
        #expect(
            check.problems(in: good, style: BrandVoice().style(for: .google)).contains { $0.contains("has an emoji") })
        #expect(DraftCheck.emojiCount("Lodge™ skillet, #1 of 3 ©") == 0)
        #expect(DraftCheck.emojiCount("Hearts ❤️ and stars ⭐") == 2)
    }

    @Test("sources are recognised from utm_source values and referring hosts; bad names are refused")
    func recognise() throws {
        #expect(TrafficSource.recognise("l.instagram.com") == .instagram)
        #expect(TrafficSource.recognise("IG") == .instagram)
        #expect(TrafficSource.recognise("www.google.co.uk") == .google)
        #expect(TrafficSource.recognise("klaviyo") == .email)
        #expect(TrafficSource.recognise("m.facebook.com")?.name == "facebook")
        #expect(TrafficSource.recognise("newsletter-b")?.name == "email")
        #expect(TrafficSource.recognise("") == nil)
        #expect(TrafficSource("tik tok") == nil)
        #expect(TrafficSource(String(repeating: "a", count: 41)) == nil)
        let json = Data(#"{"sources": {"Insta gram": {"short": true}}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BrandVoice.self, from: json) }
        let good = try JSONDecoder().decode(
            BrandVoice.self, from: Data(#"{"sources": {"tiktok": {"line": "short", "short": true}}}"#.utf8))
        #expect(good.style(for: TrafficSource("tiktok")!).short)
    }
}
