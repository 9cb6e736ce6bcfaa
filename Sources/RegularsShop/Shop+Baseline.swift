import Foundation
import RegularsData
import RegularsMeasure

extension Shop {
    /// The settings key the frozen baseline is kept under in the store.
    static let baselineSetting = "baseline"
    /// Baselines and "now" cover the 30 days before the as-of date.
    public static let baselineDays: Int64 = 30

    /// The shop's figures for the `baselineDays` before `asOf()`.
    public func currentFigures() throws -> ShopFigures {
        let (report, lines) = try attribution(days: Self.baselineDays, end: try asOf().date)
        return ShopFigures.make(report: report, lines: lines)
    }

    /// Freezes today's figures as the baseline that later reports compare with (`regulars baseline set`).
    public func setBaseline() throws -> ShopFigures {
        let figures = try currentFigures()
        let text = String(decoding: try JSONEncoder().encode(figures), as: UTF8.self)
        try store.set(setting: Self.baselineSetting, to: text)
        return figures
    }

    /// The frozen baseline against the figures now, or `nil` before `setBaseline`.
    public func baselineComparison() throws -> BaselineComparison? {
        guard let text = try store.setting(named: Self.baselineSetting) else { return nil }
        let baseline = try JSONDecoder().decode(ShopFigures.self, from: Data(text.utf8))
        return BaselineComparison(baseline: baseline, current: try currentFigures())
    }
}
