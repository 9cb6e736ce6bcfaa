import Foundation

/// What one import did: rows read, written and skipped, and why.
public struct ImportReport: Sendable, Codable, Hashable {
    public var file: String
    /// `orders` or `products`.
    public var kind: String
    /// `generic` or `shopify`.
    public var format: String
    public var rowsRead = 0
    /// Rows that became (or updated) a record.
    public var rowsImported = 0
    /// Rows left out on purpose, by reason (`cancelled order`, `refunded order`, `image row` …).
    public var skipped: [String: Int] = [:]
    /// Whole orders left out on purpose (`cancelled`, `refunded`).
    public var skippedOrders: [String: Int] = [:]
    /// Invalid rows, counted by reason key.
    public var rejectedByReason: [String: Int] = [:]
    public var rejectedCount = 0
    /// The first 100 invalid rows.
    public var rejected: [ImportError] = []
    public var orders = 0
    public var customers = 0
    public var products = 0
    /// Where rejected rows went with `--skip-invalid`.
    public var rejectsFile: String?

    public init(file: String, kind: String, format: String) {
        self.file = file
        self.kind = kind
        self.format = format
    }

    mutating func reject(_ error: ImportError) {
        rejectedCount += 1
        rejectedByReason[error.reason.key, default: 0] += 1
        if rejected.count < 100 { rejected.append(error) }
    }

    mutating func skip(_ reason: String, rows: Int = 1) { skipped[reason, default: 0] += rows }
}

extension ImportReport {
    /// The files named by stored reports (JSON, oldest first), each once, in the order first imported; a report
    /// that cannot be read is passed over.
    public static func files(fromReports reports: [String]) -> [String] {
        var files: [String] = []
        for json in reports {
            guard let report = try? JSONDecoder().decode(ImportReport.self, from: Data(json.utf8)) else { continue }
            if !files.contains(report.file) { files.append(report.file) }
        }
        return files
    }
}
