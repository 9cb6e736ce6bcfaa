import ArgumentParser
import Foundation
import RegularsContent
import RegularsData
import RegularsSegments
import RegularsShop

struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Write a personalized e-mail and SMS campaign for one segment, ready for Klaviyo and Mailchimp.",
        discussion: """
            Writes preview.html, emails.txt, klaviyo.csv, mailchimp.csv, sms.csv and summary.json to --out \
            (default: shop.campaigns/SEGMENT-DATE/ beside the store). Only customers who accept marketing, have \
            not opted out and have an e-mail address get one. The voice comes from shop.voice.json \
            (`regulars voice init`); templates can be overridden in shop.templates/. With --llm, one \
            segment-level request goes to REGULARS_LLM_URL (REGULARS_LLM_MODEL, REGULARS_LLM_KEY, \
            REGULARS_LLM_TIMEOUT seconds): no customer detail is ever sent, and a draft that fails the fact \
            check falls back to the templates.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The segment: \(LifecycleSegment.allCases.map(\.rawValue).joined(separator: ", ")).")
    var segment: String
    @Option(help: "A SKU to feature first in every e-mail.")
    var promote: String?
    @Option(help: "The folder to write to.")
    var out: String?
    @Flag(help: "Ask an OpenAI-compatible LLM for the segment's copy (see REGULARS_LLM_URL).")
    var llm = false
    @Option(help: "At most this many recipients (for a trial run).")
    var limit: Int?
    @Option(
        help: ArgumentHelp(
            "Write the version for readers from this traffic source: instagram, google, email, direct or a name of "
                + "your own, as the voice file's \"sources\" says to speak to them.", valueName: "source"))
    var source: String?
    @Option(
        help: ArgumentHelp(
            "Only members who buy mainly in this season: spring, summer, autumn or winter (\"bought in summer, "
                + "nothing since\": --segment lapsed --season summer).", valueName: "season"))
    var season: Season?
    @Flag(
        help: ArgumentHelp(
            "The re-engagement variant: each e-mail asks what the customer likes, with a signed link to the "
                + "preference page `regulars serve` hosts (voice key preferences_url); the answers steer their picks."))
    var askPreferences = false

    func validate() throws {
        guard Playbook.segment(named: segment) != nil else {
            throw ValidationError(
                "unknown segment '\(segment)'; expected one of "
                    + "\(LifecycleSegment.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        if let limit, limit < 1 { throw ValidationError("--limit: expected a positive number") }
        if let source, TrafficSource(source) == nil {
            throw ValidationError("--source: '\(source)' is not a source name (letters, digits, - and _, at most 40)")
        }
    }

    func run() async throws {
        let segment = Playbook.segment(named: segment)!
        var settings: LLMSettings?
        if llm {
            settings = LLMSettings.fromEnvironment(ProcessInfo.processInfo.environment)
            if settings == nil {
                throw ValidationError(
                    "--llm needs REGULARS_LLM_URL (an OpenAI-compatible base URL such as http://127.0.0.1:11434/v1)")
            }
        }
        let shop = try global.openShop()
        let asOf = try global.asOf(shop)
        let inputs = try ContentInputs.load(shop, asOf: asOf)
        if let promote, inputs.snapshot.productIndexBySKU[promote] == nil {
            throw ValidationError("--promote: no product '\(promote)' in \(global.storeName)")
        }
        let campaign = await Campaign.make(
            segment: segment, inputs: inputs, llm: settings, promote: promote, limit: limit,
            source: source.flatMap(TrafficSource.init), season: season, askPreferences: askPreferences)
        let folder =
            out.map { URL(fileURLWithPath: $0) }
            ?? Campaign.defaultFolder(
                storePath: shop.storePath, segment: segment, asOf: asOf, source: source.flatMap(TrafficSource.init),
                season: season)
        let summary = try shop.export(campaign, templates: inputs.templates, to: folder)
        for fallback in summary.llmFallbacks {
            Output.error("llm: fell back to templates for \(fallback.segment): \(fallback.reason)")
            for problem in fallback.problems ?? [] { Output.error("  \(problem)") }
        }
        if global.json {
            print(String(decoding: try summary.json(), as: UTF8.self), terminator: "")
            return
        }
        print(Self.text(summary, folder: folder))
    }

    /// Counts and paths only: never a name or an address.
    static func text(_ summary: CampaignSummary, folder: URL) -> String {
        let skipped = summary.skipped.filter { $0.value > 0 }.sorted { $0.key < $1.key }
            .map { "\($0.value) \($0.key.replacingOccurrences(of: "_", with: " "))" }.joined(separator: ", ")
        var lines = [
            "Campaign for \(summary.segment)" + (summary.season.map { " who buy mainly in \($0)" } ?? "")
                + " (\(summary.placement))"
                + (summary.source.map { ", the version for \($0) readers" } ?? "")
                + ": \(summary.recipients) recipients of "
                + "\(summary.members) members"
                + (skipped.isEmpty ? "" : "; skipped \(skipped)"),
            "Copy from \(summary.mode)"
                + (summary.llmFallbacks.isEmpty ? "" : " (LLM draft not used; see summary.json)"),
            "Products featured: \(summary.productsFeatured.count)",
            "Written to \(folder.path)/:",
        ]
        lines += summary.files.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
extension Season: ExpressibleByArgument {}
