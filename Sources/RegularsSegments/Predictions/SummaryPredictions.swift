import Foundation
import RegularsData

/// Fits both models on a ready-made summary file and predicts per customer: what
/// `regulars predict --summary FILE [--horizon 39]` prints (`--json`) and writes (`--out FILE`).
public struct SummaryPredictions: Sendable {
    /// The fitted parameters, encoding exactly as
    /// `{"bgnbd": {"r","alpha","a","b","log_likelihood"}, "gamma_gamma": {"p","q","gamma","log_likelihood"}}`.
    public struct Parameters: Sendable, Hashable, Codable {
        public struct BGNBD: Sendable, Hashable, Codable {
            public var r, alpha, a, b, logLikelihood: Double
            enum CodingKeys: String, CodingKey {
                case r, alpha, a, b
                case logLikelihood = "log_likelihood"
            }
        }
        public struct GammaGamma: Sendable, Hashable, Codable {
            public var p, q, gamma, logLikelihood: Double
            enum CodingKeys: String, CodingKey {
                case p, q, gamma
                case logLikelihood = "log_likelihood"
            }
        }
        public var bgnbd: BGNBD
        public var gammaGamma: GammaGamma
        enum CodingKeys: String, CodingKey {
            case bgnbd
            case gammaGamma = "gamma_gamma"
        }
    }

    /// One customer: `ID,p_alive,expected_purchases,expected_spend`.
    public struct Row: Sendable, Hashable {
        public var id: CustomerID
        public var probabilityAlive: Double
        /// E[Y(horizon) | x, t_x, T].
        public var expectedPurchases: Double
        /// Gamma-Gamma E[Z | x, z̄], currency units; `nil` when the model cannot value the customer.
        public var expectedSpend: Double?
    }

    public let purchases: BGNBDModel
    public let spend: GammaGammaModel
    /// In the summaries' unit (weeks for CDNOW).
    public let horizon: Double
    public let rows: [Row]

    /// Fits and predicts when `summaries` meet `requirements`.
    public static func make(
        summaries: CustomerSummaries, horizon: Double = 39, requirements: DataRequirements = .init()
    ) -> ModelFit<SummaryPredictions> {
        let purchaseFit = BGNBDModel.train(on: summaries, settings: .init(requirements: requirements))
        let spendFit = GammaGammaModel.train(on: summaries, settings: .init(requirements: requirements))
        guard let purchases = purchaseFit.model, let spend = spendFit.model else {
            return .notEnoughData(purchaseFit.shortfall ?? spendFit.shortfall!)
        }
        let rows = zip(summaries.ids, summaries.rows).map { id, summary in
            Row(
                id: id, probabilityAlive: purchases.probabilityAlive(summary),
                expectedPurchases: purchases.expectedPurchases(summary, within: horizon),
                expectedSpend: spend.expectedAverageSpend(summary))
        }
        return .fitted(SummaryPredictions(purchases: purchases, spend: spend, horizon: horizon, rows: rows))
    }

    public var parameters: Parameters {
        let p = purchases.parameters
        let g = spend.parameters
        return Parameters(
            bgnbd: .init(r: p.r, alpha: p.alpha, a: p.a, b: p.b, logLikelihood: purchases.logLikelihood ?? .nan),
            gammaGamma: .init(p: g.p, q: g.q, gamma: g.gamma, logLikelihood: spend.logLikelihood ?? .nan))
    }

    /// `parameters` as pretty JSON with sorted keys.
    public func parametersJSON() throws -> Data { try ReportFormatting.jsonEncoder().encode(parameters) }

    /// `ID,p_alive,expected_purchases,expected_spend` and one line per customer, full precision.
    public var csv: String {
        var out = CSVWriter()
        out.append(["ID", "p_alive", "expected_purchases", "expected_spend"])
        for row in rows {
            out.append([
                row.id, ReportFormatting.number(row.probabilityAlive), ReportFormatting.number(row.expectedPurchases),
                ReportFormatting.number(row.expectedSpend),
            ])
        }
        return out.text
    }
}
