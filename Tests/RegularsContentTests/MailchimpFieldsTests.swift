import Testing

@testable import RegularsContent

@Suite("Mailchimp merge fields")
struct MailchimpFieldsTests {
    @Test("tags are upper-case letters and digits, at most 10 characters, unique")
    func tags() {
        let tags = MailchimpFields.tags(for: [
            "rec_1_title", "rec_1_reason", "very_long_field_name", "very_long_field_other",
        ])
        #expect(tags == ["REC1TITLE", "REC1REASON", "VERYLONGFI", "VERYLONGF2"])
        #expect(tags.allSatisfy { $0.count <= 10 })
    }

    @Test("at most 30 fields counting the reserved ones")
    func fieldCount() {
        let names = (1...40).map { "field_\($0)" }
        #expect(MailchimpFields.tags(for: names, reserved: 2).count == 28)
    }

    @Test("the campaign's columns get readable tags within the limits")
    func campaignColumns() {
        let columns = CampaignExport.mailchimpColumns
        #expect(columns.count + 2 <= 30)
        #expect(columns.contains { $0.name == "rec_1_reason" && $0.tag == "REC1WHY" })
        #expect(columns.contains { $0.name == "rec_4_title" && $0.tag == "REC4NAME" })
        #expect(Set(columns.map(\.tag)).count == columns.count)
    }

    @Test("values are cut to 255 bytes on a character boundary")
    func truncation() {
        let ascii = String(repeating: "a", count: 300)
        #expect(MailchimpFields.truncated(ascii).utf8.count == 255)
        let accents = String(repeating: "é", count: 200)  // 2 bytes each
        let cut = MailchimpFields.truncated(accents)
        #expect(cut.utf8.count == 254)
        #expect(cut.allSatisfy { $0 == "é" })
        let emoji = String(repeating: "👋", count: 100)  // 4 bytes each
        #expect(MailchimpFields.truncated(emoji).utf8.count == 252)
        #expect(MailchimpFields.truncated("short") == "short")
    }
}
