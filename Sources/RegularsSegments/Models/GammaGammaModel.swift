import Foundation

/// The Gamma-Gamma model of spend per transaction, Fader, Hardie & Lee (2005), "The Gamma-Gamma model
/// of monetary value" (after Colombo & Jiang 1999).
///
/// A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent
/// of how often they buy. Fitted by maximum likelihood on the repeat buyers' (x, z̄) with z̄ > 0; on
/// CDNOW's 946 repeat buyers it gives p = 6.25, q = 3.74, γ = 15.44, LL = −4055.92.
public struct GammaGammaModel: Sendable, Hashable, Codable {
    public struct Parameters: Sendable, Hashable, Codable {
        public var p: Double
        public var q: Double
        /// γ, in currency units.
        public var gamma: Double

        public init(p: Double, q: Double, gamma: Double) {
            self.p = p
            self.q = q
            self.gamma = gamma
        }
    }

    public struct Settings: Sendable, Hashable, Codable {
        public var requirements = DataRequirements()
        public init(requirements: DataRequirements = DataRequirements()) { self.requirements = requirements }
    }

    public let parameters: Parameters
    public let logLikelihood: Double?
    /// Repeat buyers with a positive mean spend that the fit used.
    public let customerCount: Int
    public let diagnostics: FitDiagnostics?

    enum CodingKeys: String, CodingKey {
        case parameters, diagnostics
        case logLikelihood = "log_likelihood"
        case customerCount = "customer_count"
    }

    public init(
        parameters: Parameters, logLikelihood: Double? = nil, customerCount: Int = 0, diagnostics: FitDiagnostics? = nil
    ) {
        self.parameters = parameters
        self.logLikelihood = logLikelihood
        self.customerCount = customerCount
        self.diagnostics = diagnostics
    }

    /// Fits on the repeat buyers of `summaries` when they meet `settings.requirements` (customers whose
    /// repeat purchases average zero or less, such as refunds, are left out).
    public static func train(on summaries: CustomerSummaries, settings: Settings = Settings()) -> ModelFit<Self> {
        let usable = summaries.rows.filter { $0.frequency > 0 && $0.averageSpend > 0 }
        if let shortfall = settings.requirements.shortfall(
            repeatCustomers: usable.count, historyDays: summaries.historyDays)
        {
            return .notEnoughData(shortfall)
        }
        return .fitted(estimate(usable))
    }

    /// The maximum-likelihood fit on rows with x > 0 and z̄ > 0 (others are ignored); needs one such row.
    public static func estimate(_ rows: [CustomerSummary]) -> Self {
        let usable = rows.filter { $0.frequency > 0 && $0.averageSpend > 0 }
        precondition(!usable.isEmpty, "Gamma-Gamma needs at least one repeat buyer with a positive spend")
        let data = DistinctSummaries(usable, includeSpend: true)
        let likelihood = GammaGammaLikelihood(data: data)
        let screening = data.count > 50_000 ? GammaGammaLikelihood(data: data.strided(toAbout: 25_000)) : nil
        let mean = usable.reduce(0.0) { $0 + $1.averageSpend } / Double(usable.count)
        let starts = [(1.0, 2.0), (5.0, 4.0), (0.5, 1.5), (20.0, 10.0)].map { p, q in
            [log(p), log(q), log(mean * max(q - 1, 0.5) / p)]
        }
        let (point, value, diagnostics) = MultiStartFit.minimize(
            { likelihood.evaluate($0) }, screening: screening.map { s in { s.evaluate($0) } }, starts: starts,
            distinctRows: data.count)
        let p = point.map { exp($0) }
        return GammaGammaModel(
            parameters: Parameters(p: p[0], q: p[1], gamma: p[2]), logLikelihood: -value * Double(usable.count),
            customerCount: usable.count, diagnostics: diagnostics)
    }

    /// The log-likelihood of the usable rows of `rows` under `parameters`.
    public static func logLikelihood(_ parameters: Parameters, of rows: [CustomerSummary]) -> Double {
        let usable = rows.filter { $0.frequency > 0 && $0.averageSpend > 0 }
        return GammaGammaLikelihood(data: DistinctSummaries(usable, includeSpend: true)).logLikelihood(parameters)
    }

    /// E[Z | x, z̄]: the customer's expected spend per transaction in currency units (the note's eq. 5),
    /// p(γ + x z̄) / (px + q − 1), a weighted mean of the population mean pγ/(q−1) and the customer's
    /// own z̄. For x = 0 it is the population mean, which does not exist when q ≤ 1 (`nil`).
    public func expectedAverageSpend(frequency: Int, averageSpend: Double) -> Double? {
        let (p, q, gamma) = (parameters.p, parameters.q, parameters.gamma)
        let x = Double(frequency)
        let denominator = p * x + q - 1
        guard denominator > 0 else { return nil }
        return p * (gamma + x * max(averageSpend, 0)) / denominator
    }

    /// E[Z] of `summary`.
    public func expectedAverageSpend(_ summary: CustomerSummary) -> Double? {
        expectedAverageSpend(frequency: summary.frequency, averageSpend: summary.averageSpend)
    }
}
