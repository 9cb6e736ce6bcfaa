import Foundation
import RegularsData

/// Writes a campaign's files into one folder: `preview.html`, `emails.txt`, `klaviyo.csv`, `mailchimp.csv`,
/// `sms.csv` and `summary.json`. These files hold recipients' names and addresses: they are for the shop's
/// e-mail tool, nothing else here prints them, and they are written owner-only (`PrivateFile`, `CSVWriter`).
public enum CampaignExport {
    /// Recipients shown in `preview.html`.
    public static let previewCount = 10
    /// Product columns in the CSVs (playbooks feature at most four).
    public static let productColumns = 4

    /// Writes every file into `folder` (created if needed) and returns the summary with its file list.
    @discardableResult
    public static func write(_ campaign: Campaign, templates: TemplateSet, to folder: URL) throws -> CampaignSummary {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let emails = campaign.emails
        try writeText(emails, templates: templates, to: folder.appendingPathComponent("emails.txt"))
        try writePreview(campaign, templates: templates, to: folder.appendingPathComponent("preview.html"))
        try writeKlaviyo(emails, to: folder.appendingPathComponent("klaviyo.csv"))
        try writeMailchimp(emails, to: folder.appendingPathComponent("mailchimp.csv"))
        try writeSMS(emails, to: folder.appendingPathComponent("sms.csv"))
        var summary = campaign.summary
        summary.files = ["preview.html", "emails.txt", "klaviyo.csv", "mailchimp.csv", "sms.csv", "summary.json"]
        try PrivateFile.write(try summary.json(), to: folder.appendingPathComponent("summary.json"))
        return summary
    }

    /// Every e-mail as plain text, one after another, each headed by its address.
    static func writeText(_ emails: [ComposedEmail], templates: TemplateSet, to url: URL) throws {
        var text = ""
        for email in emails {
            text += "To: \(email.email)\n" + templates.render("email.txt", email.templateValues)
            // Erasure takes one recipient's block out by this separator (`FileScrubber`).
            text += FileScrubber.textBlockSeparator
        }
        try PrivateFile.write(Data(text.utf8), to: url)
    }

    static func writePreview(_ campaign: Campaign, templates: TemplateSet, to url: URL) throws {
        let shown = campaign.emails.prefix(previewCount)
        let page = templates.render(
            "preview.html",
            [
                "title": "\(campaign.playbook.segment.title) campaign (\(campaign.playbook.placement.rawValue))",
                "recipients": campaign.emails.count, "shown": shown.count, "mode": campaign.summary.mode,
                "emails": shown.map(\.templateValues),
            ] as [String: Any])
        try PrivateFile.write(Data(page.utf8), to: url)
    }

    /// The product columns of one e-mail for slot `1...productColumns`: title, url, reason, price.
    static func productFields(_ email: ComposedEmail) -> [String] {
        (0..<productColumns).flatMap { i -> [String] in
            guard i < email.blurbs.count else { return ["", "", "", ""] }
            let b = email.blurbs[i]
            return [b.title, b.url, b.why, b.price ?? ""]
        }
    }

    static var productColumnNames: [String] {
        (1...productColumns).flatMap { ["rec_\($0)_title", "rec_\($0)_url", "rec_\($0)_reason", "rec_\($0)_price"] }
    }

    /// Klaviyo's list import: `Email` first, then profile properties.
    static func writeKlaviyo(_ emails: [ComposedEmail], to url: URL) throws {
        var writer = try CSVWriter(url: url, neutralizesFormulas: true)
        try writer.write(
            ["Email", "first_name"] + productColumnNames + ["subject", "preheader", "intro", "cta", "sms"])
        for e in emails {
            try writer.write(
                [e.email, e.firstName ?? ""] + productFields(e) + [e.subject, e.preheader, e.intro, e.cta, e.sms])
        }
        try writer.close()
    }

    /// The merge-field columns after `Email Address` and `FNAME`, as (our name, Mailchimp tag).
    public static var mailchimpColumns: [(name: String, tag: String)] {
        let names = ["subject", "preheader", "intro", "cta"] + productColumnNames
        let tags = MailchimpFields.tags(for: names.map(MailchimpFields.tag(forColumn:)), reserved: 2)
        return Array(zip(names, tags))
    }

    /// Mailchimp's import: `Email Address`, `FNAME`, then merge fields (tags ≤ 10 characters, ≤ 30 fields,
    /// values ≤ 255 bytes).
    static func writeMailchimp(_ emails: [ComposedEmail], to url: URL) throws {
        let columns = mailchimpColumns
        var writer = try CSVWriter(url: url, neutralizesFormulas: true)
        try writer.write(["Email Address", "FNAME"] + columns.map(\.tag))
        for e in emails {
            let values = [e.subject, e.preheader, e.intro, e.cta] + productFields(e)
            try writer.write(
                ([e.email, e.firstName ?? ""] + values.prefix(columns.count)).map { MailchimpFields.truncated($0) })
        }
        try writer.close()
    }

    /// One text per recipient with its encoding and length (the shop's SMS tool matches on e-mail).
    static func writeSMS(_ emails: [ComposedEmail], to url: URL) throws {
        var writer = try CSVWriter(url: url, neutralizesFormulas: true)
        try writer.write(["Email", "first_name", "sms", "encoding", "length", "limit"])
        for e in emails {
            try writer.write([
                e.email, e.firstName ?? "", e.sms, e.smsEncoding.rawValue, String(SMSText.length(of: e.sms)),
                String(SMSText.limit(for: e.smsEncoding)),
            ])
        }
        try writer.close()
    }
}
