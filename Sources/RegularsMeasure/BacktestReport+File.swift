import Foundation
import RegularsData

extension BacktestReport {
    /// `shop.sqlite` → `shop.backtest.json`: the latest back-test, which the dashboard shows.
    public static func fileURL(storePath: String) -> URL {
        StorePaths.sibling(of: storePath, suffix: ".backtest.json")
    }

    /// Writes the report atomically, so a reader never sees half a file.
    public func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }

    /// The saved report, or `nil` when no back-test has run.
    public static func load(from url: URL) throws -> BacktestReport? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try JSONDecoder().decode(BacktestReport.self, from: Data(contentsOf: url))
    }
}
