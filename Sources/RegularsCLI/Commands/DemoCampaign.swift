import Foundation
import RegularsContent
import RegularsData
import RegularsRecommend
import RegularsSegments
import RegularsShop

/// The part of `regulars demo` that shows the content layer: a voice for the demo shop and a win-back
/// campaign for its lapsed customers, in the store's default campaign folder.
enum DemoCampaign {
    struct Result {
        var folder: URL
        var summary: CampaignSummary
        var sample: ComposedEmail?

        /// The path, the counts and one sample's subject and intro, with the recipient's name blanked out
        /// (never a name or an address on the terminal, even a made-up one).
        var text: String {
            var lines = [
                "Win-back campaign for the \(summary.recipients) lapsed customers who accept marketing "
                    + "(\(summary.skippedTotal) skipped): \(folder.path)/",
                "  open preview.html, or import klaviyo.csv / mailchimp.csv",
            ]
            if let sample {
                let blank = { (text: String) in
                    sample.firstName.map { text.replacingOccurrences(of: $0, with: "[first name]") } ?? text
                }
                lines += ["One of them:", "  Subject: \(blank(sample.subject))", "  \(blank(sample.intro))"]
            }
            return lines.joined(separator: "\n")
        }
    }

    /// The demo shop's voice: what `voice init` would write, with its name and currency.
    static func voice() -> BrandVoice {
        var voice = BrandVoice()
        voice.shopName = "Hearth & Home"
        voice.storeType = "independent kitchen and home goods shop"
        voice.signOff = "Happy cooking"
        voice.currencySymbol = "£"
        voice.productURL = "https://hearth.example/products/{handle}"
        voice.collectionURL = "https://hearth.example/collections/{handle}"
        return voice
    }

    static func write(
        storePath: String, snapshot: Snapshot, predictions: PredictionReport, models: ModelSet, asOf: Date
    ) async throws -> Result {
        let voiceURL = BrandVoice.fileURL(storePath: storePath)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try (encoder.encode(voice()) + Data("\n".utf8)).write(to: voiceURL, options: .atomic)
        // The demo's clock is its as-of day, so its files never change between runs.
        let shop = try Shop(storePath: storePath, clock: { asOf }, asOf: asOf)
        let inputs = try ContentInputs.load(
            shop, asOf: asOf, snapshot: snapshot, predictions: predictions, models: models)
        let campaign = await Campaign.make(segment: .lapsed, inputs: inputs)
        let folder = Campaign.defaultFolder(storePath: storePath, segment: .lapsed, asOf: asOf)
        try? FileManager.default.removeItem(at: folder)
        let summary = try shop.export(campaign, templates: inputs.templates, to: folder)
        let sample =
            campaign.emails.first { $0.intro.localizedCaseInsensitiveContains("skillet") } ?? campaign.emails.first
        return Result(folder: folder, summary: summary, sample: sample)
    }
}
