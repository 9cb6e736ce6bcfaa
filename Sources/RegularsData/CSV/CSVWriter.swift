import Foundation

/// The one CSV writer: RFC 4180, a field quoted only when it holds a comma, a double quote, a CR or an LF,
/// quotes doubled inside, lines ending in LF. Writes to a file (streamed in 64 KiB pieces) or to memory.
///
/// Every CSV Regulars writes goes through `appendField(_:to:)`, so every file quotes the same way and
/// reads back through `CSVReader` field for field.
public struct CSVWriter {
    private let handle: FileHandle?
    /// What is not yet written to the file; the whole text when writing to memory.
    public private(set) var bytes: [UInt8] = []
    private let neutralizesFormulas: Bool

    /// Creates (or truncates) the file at `url`.
    ///
    /// - Parameter neutralizesFormulas: for files meant to be opened in a spreadsheet (campaign exports): a
    ///   field starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that text a
    ///   customer typed (a first name such as `=HYPERLINK(…)`) stays text. Off for files that must round-trip
    ///   their input exactly (the rejects of an import).
    /// The file is owner-only (0600): every CSV Regulars writes to disk holds customers' details.
    public init(url: URL, neutralizesFormulas: Bool = false) throws {
        FileManager.default.createFile(
            atPath: url.path, contents: nil, attributes: [.posixPermissions: PrivateFile.permissions])
        // An existing file keeps its mode through createFile's truncation: restrict it before writing to it.
        try PrivateFile.restrict(url)
        handle = try FileHandle(forWritingTo: url)
        self.neutralizesFormulas = neutralizesFormulas
        bytes.reserveCapacity(1 << 17)
    }

    /// Writes to memory: read the result from `text` or `bytes`.
    public init(neutralizesFormulas: Bool = false) {
        handle = nil
        self.neutralizesFormulas = neutralizesFormulas
    }

    /// What was written to memory, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends one field as it appears in a CSV line: the one quoting rule of the code base.
    @inline(__always)
    public static func appendField(_ field: String, to bytes: inout [UInt8]) {
        let utf8 = field.utf8
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for byte in utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
    }

    /// One field as it appears in a CSV line.
    public static func escape(_ field: String) -> String {
        var bytes: [UInt8] = []
        appendField(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `field`, made inert for spreadsheets when it would start a formula.
    public static func neutralized(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        return "'" + field
    }

    /// One CSV line, with its line feed.
    public static func line(_ fields: [String]) -> String {
        var writer = CSVWriter()
        writer.append(fields)
        return writer.text
    }

    /// Appends one line; to memory it cannot fail, so in-memory users need no `try`.
    public mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            Self.appendField(neutralizesFormulas ? Self.neutralized(field) : field, to: &bytes)
        }
        bytes.append(0x0A)
    }

    public mutating func write(_ fields: [String]) throws {
        append(fields)
        if handle != nil && bytes.count > 1 << 16 { try flush() }
    }

    public mutating func flush() throws {
        guard let handle, !bytes.isEmpty else { return }
        try handle.write(contentsOf: bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func close() throws {
        try flush()
        try handle?.close()
    }
}
