/// How the shop speaks to visitors from one traffic source: one line of the voice file per source, in the
/// owner's words ("Instagram visitors: visual, short, one emoji"), and the few settings the templates can act on.
///
/// The line goes to the LLM as it is written; the templates cannot read prose, so `short`, `emoji` and `tone`
/// say the same thing in a form they can follow. A key left out keeps the built-in setting for that source.
public struct SourceVoice: Sendable, Hashable, Codable {
    public var line: String?
    /// One-sentence intros and sublines, headlines and subjects of at most `SourceStyle.shortLimit` characters,
    /// no colour line under each product (its reason stays).
    public var short: Bool?
    /// One emoji in each headline and subject (`false`: none, whatever the voice allows).
    public var emoji: Bool?
    public var tone: BrandVoice.Tone?

    public init(line: String? = nil, short: Bool? = nil, emoji: Bool? = nil, tone: BrandVoice.Tone? = nil) {
        self.line = line
        self.short = short
        self.emoji = emoji
        self.tone = tone
    }

    /// What the product assumes of each built-in source until the voice file says otherwise: Instagram reads on
    /// a phone between pictures; a Google visitor came searching and wants the plain facts; e-mail readers and
    /// direct visitors already know the shop, so the voice applies as it is.
    public static func builtIn(_ source: TrafficSource) -> SourceVoice {
        switch source {
        case .instagram: SourceVoice(line: "Instagram visitors: visual, short, one emoji", short: true, emoji: true)
        case .google:
            SourceVoice(
                line: "Google visitors came searching: say plainly what it is and what it costs, no emoji",
                short: false, emoji: false, tone: .expert)
        case .email: SourceVoice(line: "E-mail readers know us: personal, full sentences")
        case .direct: SourceVoice(line: "Direct visitors know the shop: welcome them back, keep it simple")
        default: SourceVoice()
        }
    }
}

/// A source's voice resolved against the shop's: what the templates and the fact check act on.
public struct SourceStyle: Sendable, Hashable, Codable {
    public var source: TrafficSource
    public var line: String
    public var short: Bool
    public var emoji: Bool
    public var tone: BrandVoice.Tone

    /// Headlines and subjects for a short source: a phone's line, not the 60 characters of an inbox.
    public static let shortLimit = 40
}

extension BrandVoice {
    /// The voice for readers from `source`: the voice file's line for it over the built-in one, over the voice.
    public func style(for source: TrafficSource) -> SourceStyle {
        let own = sources[source.name] ?? SourceVoice()
        let builtIn = SourceVoice.builtIn(source)
        return SourceStyle(
            source: source, line: own.line ?? builtIn.line ?? "", short: own.short ?? builtIn.short ?? false,
            emoji: own.emoji ?? builtIn.emoji ?? emoji, tone: own.tone ?? builtIn.tone ?? tone)
    }
}
