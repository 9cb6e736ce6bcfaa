import Foundation
import RegularsData
import RegularsRecommend
import RegularsSegments

/// A whole campaign to one segment: the audience, the copy (templates, or one checked LLM draft for the
/// segment), and the summary. Files are written by `CampaignExport`.
public struct Campaign: Sendable {
    public var playbook: Playbook
    public var emails: [ComposedEmail]
    public var summary: CampaignSummary
    /// `segment-YYYY-MM-DD`, the name its links' `utm_campaign` and its folder carry.
    public var name: String = ""
    /// Who it goes to, with each recipient's link token: recorded by `Shop.recordSends` for revenue per e-mail.
    public var sends: [EmailSend] = []
    /// Members an experiment on the e-mail's placement assigned an arm (recorded with the sends).
    public var exposures: [ExperimentExposure] = []

    /// What a run needs; the CLI and the demo fill it from the store and its files.
    public struct Inputs: Sendable {
        /// The store's snapshot, with personal details (the models' own copy has none).
        public var snapshot: Snapshot
        public var predictions: PredictionReport
        public var recommender: Recommender
        public var voice: BrandVoice
        public var templates: TemplateSet
        public var handles: [SKU: String]
        public var asOf: Date
        /// The clock reading for `generated_at`, taken at the edge.
        public var generatedAt: Date
        /// Customers in the shop's permanent holdout: their e-mails show what an anonymous visitor would see.
        public var heldOut: Set<CustomerID> = []
        /// The store's token key: with it, product links are tagged (`CampaignLinks`) and sends can be recorded.
        public var tokenKey: [UInt8]?
        /// The shop's running experiments; one on this campaign's placement decides each member's recipe.
        public var experiments: [ExperimentRecord] = []
        /// Customers' unexpired stated preferences: a signal for their products, and "fewer e-mails".
        public var preferences: [CustomerID: StatedPreferences] = [:]
        /// The customers the offer policy gives an incentive (`OfferPolicy`), for an `offer-policy` experiment arm.
        public var offers: Set<CustomerID> = []
        /// Customers sent a campaign e-mail in the last 30 days (those who asked for fewer get no second one).
        public var recentlyEmailed: Set<CustomerID> = []

        public init(
            snapshot: Snapshot, predictions: PredictionReport, recommender: Recommender, voice: BrandVoice,
            templates: TemplateSet, handles: [SKU: String], asOf: Date, generatedAt: Date
        ) {
            self.snapshot = snapshot
            self.predictions = predictions
            self.recommender = recommender
            self.voice = voice
            self.templates = templates
            self.handles = handles
            self.asOf = asOf
            self.generatedAt = generatedAt
        }
    }

    /// Builds the campaign. With `llm`, sends one segment-level request; any failure (unreachable, timeout,
    /// error status, malformed reply, failed fact check) falls back to templates and is reported. With `source`,
    /// the copy is the alternate version for readers from that traffic source, as the voice speaks to them.
    public static func make(
        segment: LifecycleSegment, inputs: Inputs, llm: LLMSettings? = nil, promote: SKU? = nil, limit: Int? = nil,
        source: TrafficSource? = nil, season: Season? = nil, askPreferences: Bool = false
    ) async -> Campaign {
        let playbook = Playbook.for(segment)
        let style = source.map(inputs.voice.style(for:))
        let catalog = CatalogFacts(snapshot: inputs.snapshot, voice: inputs.voice, handles: inputs.handles)
        let name = defaultName(segment: segment, asOf: inputs.asOf, source: source, season: season)
        let links = inputs.tokenKey.map { CampaignLinks(campaign: name, key: $0) }
        var audience = CampaignAudience.select(
            segment: segment, playbook: playbook, snapshot: inputs.snapshot, predictions: inputs.predictions,
            recommender: inputs.recommender, voice: inputs.voice, handles: inputs.handles, asOf: inputs.asOf,
            promote: promote, limit: limit, heldOut: inputs.heldOut, season: season, preferences: inputs.preferences,
            recentlyEmailed: inputs.recentlyEmailed, offers: inputs.offers,
            experiment: inputs.experiments.first { $0.isRunning && $0.placement == playbook.placement.rawValue },
            exposedAt: Int64(inputs.generatedAt.timeIntervalSince1970))
        // The re-engagement variant: each e-mail links to the preference page, signed for its recipient.
        if askPreferences, let key = inputs.tokenKey {
            for index in audience.recipients.indices {
                let token = PreferenceLink.token(
                    customer: audience.recipients[index].customerID, key: key, now: inputs.generatedAt)
                audience.recipients[index].preferencesURL = inputs.voice.preferencesURL(token: token)
            }
        }
        if let links {
            for index in audience.recipients.indices {
                let customer = audience.recipients[index].customerID
                for slot in audience.recipients[index].products.indices {
                    let product = audience.recipients[index].products[slot]
                    audience.recipients[index].products[slot].url = links.tag(
                        product.url, customer: customer, sku: product.sku)
                }
            }
        }
        var draft: CopyDraft?
        var fallbacks: [CampaignSummary.Fallback] = []
        if let llm, !audience.recipients.isEmpty {
            let facts = SegmentPrompt.facts(featured: audience.recipients.map(\.products), voice: inputs.voice)
            let prompt = SegmentPrompt(
                voice: inputs.voice, playbook: playbook, products: facts, recipients: audience.recipients.count,
                style: style, offersDiscount: !audience.recipients.contains { $0.incentive == false })
            do throws(LLMError) {
                // What is personal is replaced first (`Redactor`); the check after it is the last guard.
                let redactor = Redactor(snapshot: inputs.snapshot)
                let messages = prompt.messages.map { message in
                    message.mapValues { redactor.redact($0).text }
                }
                let leaks = Redaction.leaks(
                    in: messages.map { $0["content"] ?? "" }.joined(separator: "\n"), recipients: audience.recipients,
                    catalogText: Self.knownText(
                        messages: messages, facts: facts, voice: inputs.voice, playbook: playbook))
                if !leaks.isEmpty {
                    throw LLMError(
                        .privacy,
                        "the prompt would contain a recipient's \(leaks.sorted().joined(separator: ", ")); not sent")
                }
                let content = try await LLMClient(settings: llm).complete(messages: messages)
                let candidate = try DraftCheck.decode(content)
                let problems = DraftCheck(facts: facts, catalog: catalog, voice: inputs.voice).problems(
                    in: candidate, style: style)
                if problems.isEmpty {
                    draft = candidate
                } else {
                    fallbacks.append(
                        .init(
                            segment: segment.rawValue, reason: "the draft failed the fact check", code: .factCheck,
                            problems: problems))
                }
            } catch {
                fallbacks.append(
                    .init(segment: segment.rawValue, reason: error.message, code: error.code, problems: nil))
            }
        }
        let composer = CampaignComposer(
            voice: inputs.voice, playbook: playbook, templates: inputs.templates, draft: draft, style: style)
        let emails = audience.recipients.map(composer.compose)
        let summary = CampaignSummary(
            segment: segment.rawValue, placement: playbook.placement.rawValue, generatedAt: inputs.generatedAt,
            asOf: inputs.asOf, members: audience.members, recipients: emails.count,
            skipped: Dictionary(
                uniqueKeysWithValues: CampaignAudience.SkipReason.allCases.map {
                    ($0.rawValue, audience.skipped[$0] ?? 0)
                }),
            skippedTotal: audience.skipped.values.reduce(0, +), productsFeatured: featured(emails),
            mode: draft == nil ? "templates" : "llm", llmRequested: llm != nil, llmFallbacks: fallbacks,
            templateOverrides: inputs.templates.overridden, files: [], source: source?.name, season: season?.rawValue)
        let sentAt = Int64(inputs.generatedAt.timeIntervalSince1970)
        return Campaign(
            playbook: playbook, emails: emails, summary: summary, name: name,
            sends: emails.map {
                EmailSend(
                    campaign: name, customerID: $0.customerID, at: sentAt, token: links?.token(for: $0.customerID))
            }, exposures: audience.exposures)
    }

    /// Words the prompt may hold whatever the recipients are called: the fixed instructions, the voice, the
    /// playbook and the product facts (so a customer named Rose does not block a prompt about a Rose Candle).
    static func knownText(
        messages: [[String: String]], facts: [SegmentPrompt.ProductFact], voice: BrandVoice, playbook: Playbook
    ) -> String {
        let voiceText =
            [voice.shopName, voice.storeType, voice.catalogBrief, voice.signOff, voice.discountText]
            + voice.wordsToUse + voice.wordsToAvoid
        let factText = facts.map { "\($0.title) \($0.category ?? "") \($0.reason)" }
        return ([messages.first?["content"] ?? "", playbook.goal, playbook.audience] + voiceText + factText)
            .joined(separator: " ")
    }

    /// Products by how many e-mails feature them, most first.
    static func featured(_ emails: [ComposedEmail]) -> [CampaignSummary.Featured] {
        var byProduct: [SKU: CampaignSummary.Featured] = [:]
        for email in emails {
            for blurb in email.blurbs {
                byProduct[blurb.sku, default: .init(sku: blurb.sku, title: blurb.title, price: blurb.price, emails: 0)]
                    .emails += 1
            }
        }
        return byProduct.values.sorted { $0.emails != $1.emails ? $0.emails > $1.emails : $0.sku < $1.sku }
    }

    /// Where campaigns go by default: `shop.sqlite` → `shop.campaigns/` (the dashboard lists its folders).
    public static func folder(storePath: String) -> URL {
        StorePaths.sibling(of: storePath, suffix: ".campaigns")
    }

    /// `lapsed-2024-06-30`; `lapsed-summer-2024-06-30` for a season's members; `…-instagram` for a source's
    /// version: its folder and `utm_campaign`.
    public static func defaultName(
        segment: LifecycleSegment, asOf: Date, source: TrafficSource? = nil, season: Season? = nil
    ) -> String {
        segment.rawValue + (season.map { "-\($0.rawValue)" } ?? "") + "-"
            + Timestamp.isoDay(Int64(asOf.timeIntervalSince1970)) + (source.map { "-\($0)" } ?? "")
    }

    /// The default folder of one campaign: `shop.campaigns/lapsed-2024-06-30/`.
    public static func defaultFolder(
        storePath: String, segment: LifecycleSegment, asOf: Date, source: TrafficSource? = nil, season: Season? = nil
    ) -> URL {
        folder(storePath: storePath).appendingPathComponent(
            defaultName(segment: segment, asOf: asOf, source: source, season: season))
    }
}
