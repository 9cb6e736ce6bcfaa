import RegularsSegments

extension BrandVoice {
    /// The offer policy's settings under this voice: the incentive is the voice's own discount, its ceiling.
    public var offerSettings: OfferPolicy.Settings {
        var settings = OfferPolicy.Settings()
        if let share = discountShare { settings.share = share }
        return settings
    }
}
