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
        let end = Int64(try asOf().date.timeIntervalSince1970)
        let start = end - Self.baselineDays * 86_400
        // A year of earlier orders tells repeat customers from first-time ones.
        let lines = try store.placedLines(from: start - 365 * 86_400, to: end)
        let events = try store.events(
            from: start - 5 * 86_400, to: end,
            kinds: [.recommendationImpression, .recommendationClick, .emailClick, .productView, .addToCart])
        return ShopFigures.make(
            lines: lines, events: events, sends: try store.emailSends(from: start, to: end), period: start..<end)
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
