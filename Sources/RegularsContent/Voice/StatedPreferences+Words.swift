import RegularsData

extension PriceBand {
    /// "under $10", "$10 to $25", "$25 and over", as the preference page and briefs say it.
    public func words(_ voice: BrandVoice) -> String {
        switch (minimum, maximum) {
        case (nil, let maximum?): "under \(voice.price(maximum))"
        case (let minimum?, nil): "\(voice.price(minimum)) and over"
        case (let minimum?, let maximum?): "\(voice.price(minimum)) to \(voice.price(maximum))"
        case (nil, nil): "any price"
        }
    }
}

extension StatedPreferences {
    /// The answer as the owner and the customer read it: "Likes Candles, Garden", "Prices $10.00 to $25.00",
    /// "Asked for fewer e-mails".
    public func words(_ voice: BrandVoice) -> [String] {
        var out: [String] = []
        if !categories.isEmpty { out.append("Likes \(categories.joined(separator: ", "))") }
        if !priceBands.isEmpty { out.append("Prices " + priceBands.map { $0.words(voice) }.joined(separator: ", ")) }
        if fewerEmails { out.append("Asked for fewer e-mails") }
        return out
    }
}
