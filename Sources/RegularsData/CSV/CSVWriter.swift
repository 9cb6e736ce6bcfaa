import Foundation

/// Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, lines end in LF.
public struct CSVWriter {
    private let handle: FileHandle
    private var buffer = ""

    /// Creates (or truncates) the file at `url`.
    public init(url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
    }

    /// One field as it appears in a CSV line.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One CSV line, with its line feed.
    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\n"
    }

    public mutating func write(_ fields: [String]) throws {
        buffer += Self.line(fields)
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
