import Foundation

/// Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, lines end in LF.
public struct CSVWriter {
    private let handle: FileHandle
    private var buffer = ""
    private let neutralizesFormulas: Bool

    /// Creates (or truncates) the file at `url`.
    ///
    /// - Parameter neutralizesFormulas: for files meant to be opened in a spreadsheet (campaign exports): a
    ///   field starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that text a
    ///   customer typed (a first name such as `=HYPERLINK(…)`) stays text. Off for files that must round-trip
    ///   their input exactly (the rejects of an import).
    public init(url: URL, neutralizesFormulas: Bool = false) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        self.neutralizesFormulas = neutralizesFormulas
    }

    /// One field as it appears in a CSV line.
    public static func escape(_ field: String) -> String {
        // `isNewline`, not `== "\n"`: "\r\n" is one Character, equal to neither.
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `field`, made inert for spreadsheets when it would start a formula.
    public static func neutralized(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        return "'" + field
    }

    /// One CSV line, with its line feed.
    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\n"
    }

    public mutating func write(_ fields: [String]) throws {
        buffer += Self.line(neutralizesFormulas ? fields.map(Self.neutralized) : fields)
        if buffer.utf8.count > 1 << 16 { try flush() }
    }

    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer = ""
    }

    public mutating func close() throws {
        try flush()
        try handle.close()
    }
}
