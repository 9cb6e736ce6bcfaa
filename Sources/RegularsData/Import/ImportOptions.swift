import Foundation

/// How to import a file.
public struct ImportOptions: Sendable, Hashable {
    /// Import the valid rows and write the invalid ones to `FILE.rejects.csv`, instead of refusing the file.
    public var skipInvalid = false
    /// Our field name → the file's column name, for spreadsheets with other headers (`--map sku=Item code`).
    public var columnMap: [String: String] = [:]
    /// Called now and then with the fraction of the file read (0…1).
    public var progress: (@Sendable (Double) -> Void)?

    public init(
        skipInvalid: Bool = false, columnMap: [String: String] = [:], progress: (@Sendable (Double) -> Void)? = nil
    ) {
        self.skipInvalid = skipInvalid
        self.columnMap = columnMap
        self.progress = progress
    }

    public static func == (lhs: ImportOptions, rhs: ImportOptions) -> Bool {
        lhs.skipInvalid == rhs.skipInvalid && lhs.columnMap == rhs.columnMap
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(skipInvalid)
        hasher.combine(columnMap)
    }

    /// Parses `field=Column` pairs as typed on the command line.
    public static func parseMap(_ pairs: [String]) throws -> [String: String] {
        var map: [String: String] = [:]
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex, pair.index(after: eq) != pair.endIndex
            else {
                throw ImportError(
                    file: "--map", line: 0, field: pair, reason: .other("expected field=Column, e.g. sku=Item code"))
            }
            map[String(pair[..<eq]).trimmingCharacters(in: .whitespaces)] = String(pair[pair.index(after: eq)...])
        }
        return map
    }
}
