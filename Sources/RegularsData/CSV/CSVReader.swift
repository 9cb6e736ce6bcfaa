import Foundation

/// One record of a CSV file: its fields and the physical line it starts on (the header is line 1).
public struct CSVRecord: Sendable, Hashable {
    public var fields: [String]
    public var line: Int
}

/// The one CSV reader: RFC 4180 (quoted fields, doubled quotes, newlines inside quotes, CRLF or LF),
/// a UTF-8 byte-order mark, `.csv` or gzip (by magic bytes), streamed in 256 KiB chunks.
///
/// The first record is the header. A later row with another number of fields is refused
/// (`file:line: 58 fields, the header has 57`): a comma too many shifts every later column, and reading
/// such a row by position would put values in the wrong columns.
///
/// Memory stays constant whatever the file's size: one chunk plus the current record. Blank lines
/// are skipped. Not `Sendable`: one task reads one file.
public final class CSVReader: Sequence, IteratorProtocol {
    public let displayName: String
    private let source: ByteSource
    private let chunk: UnsafeMutableRawBufferPointer
    private var position = 0
    private var end = 0
    private var atEOF = false
    private var line = 1
    private var field: [UInt8] = []
    private var started = false
    /// The first record's fields, once it is read.
    public private(set) var header: [String]?
    /// The first error met while iterating with `next()`; `readRecord()` throws it instead.
    public private(set) var error: CSVError?

    /// Opens `url` for reading; `displayName` is how messages name the file (as the user typed it).
    public init(url: URL, displayName: String? = nil) throws {
        self.displayName = displayName ?? url.path
        source = try ByteSource(url: url, displayName: self.displayName)
        chunk = .allocate(byteCount: 1 << 18, alignment: 16)
        field.reserveCapacity(256)
    }

    deinit { chunk.deallocate() }

    /// Bytes of the file read so far (compressed bytes for gzip), for progress bars.
    public var bytesRead: Double { Double(source.position) }

    /// The next record, or `nil` at the end; iteration stops at the first error, kept in `error`.
    public func next() -> CSVRecord? {
        do { return try readRecord() } catch {
            self.error =
                error as? CSVError
                ?? CSVError(file: displayName, line: line, field: nil, message: "\(error)")
            return nil
        }
    }

    private func fill() throws -> Bool {
        if atEOF { return false }
        end = try source.read(into: chunk)
        position = 0
        if end == 0 { atEOF = true }
        return end > 0
    }

    @inline(__always) private func peek() throws -> UInt8? {
        if position == end, try !fill() { return nil }
        return chunk[position]
    }

    /// Reads the next record (the header first), skipping blank lines; throws for a quote that is never
    /// closed, and for a row whose number of fields is not the header's (the error carries the row, and
    /// reading may go on after it).
    public func readRecord() throws -> CSVRecord? {
        guard let record = try readAnyRecord() else { return nil }
        guard let header else {
            header = record.fields
            return record
        }
        if record.fields.count != header.count {
            throw CSVError(
                file: displayName, line: record.line, field: nil,
                message: "\(record.fields.count) fields, the header has \(header.count)", record: record)
        }
        return record
    }

    private func readAnyRecord() throws -> CSVRecord? {
        if !started {
            started = true
            if try peek() == 0xEF {
                // A UTF-8 byte-order mark is three bytes; drop it if the first chunk starts with it.
                if end - position >= 3, chunk[position + 1] == 0xBB, chunk[position + 2] == 0xBF { position += 3 }
            }
        }
        while true {
            guard let first = try peek() else { return nil }
            if first == 0x0A {
                position += 1
                line += 1
                continue
            }
            if first == 0x0D {
                position += 1
                if try peek() == 0x0A { position += 1 }
                line += 1
                continue
            }
            return try readFields()
        }
    }

    /// The hot loop works on local copies of the cursor and the field buffer: going through the class's
    /// stored properties for every byte cost a dynamic exclusivity check each time.
    private func readFields() throws -> CSVRecord {
        let startLine = line
        var fields: [String] = []
        fields.reserveCapacity(16)
        var field = self.field
        self.field = []
        defer { self.field = field }
        var pos = position
        var stop = end
        var bytes = chunk.baseAddress!.assumingMemoryBound(to: UInt8.self)
        // Refills the chunk when the cursor reaches its end; false at the end of the data.
        func more() throws -> Bool {
            if pos < stop { return true }
            position = pos
            let filled = try fill()
            pos = position
            stop = end
            bytes = chunk.baseAddress!.assumingMemoryBound(to: UInt8.self)
            return filled
        }
        defer { position = pos }
        while true {
            field.removeAll(keepingCapacity: true)
            guard try more() else {
                fields.append("")
                return CSVRecord(fields: fields, line: startLine)
            }
            var byte = bytes[pos]
            if byte == 0x22 {
                let quoteLine = line
                pos += 1
                quoted: while true {
                    guard try more() else {
                        throw CSVError(
                            file: displayName, line: quoteLine, field: "#\(fields.count + 1)",
                            message: "a quoted field starts here and its closing quote never comes")
                    }
                    let b = bytes[pos]
                    pos += 1
                    if b == 0x22 {
                        if try more(), bytes[pos] == 0x22 {
                            pos += 1
                            field.append(0x22)
                        } else {
                            break quoted
                        }
                    } else {
                        if b == 0x0A { line += 1 }
                        field.append(b)
                    }
                }
                guard try more() else {
                    fields.append(String(decoding: field, as: UTF8.self))
                    return CSVRecord(fields: fields, line: startLine)
                }
                byte = bytes[pos]
            }
            // Unquoted part (or what follows a closing quote, kept as text the way lenient readers do).
            var direct: String?
            unquoted: while true {
                // Scan a run inside the chunk, then copy it in one go.
                let runStart = pos
                while pos < stop {
                    byte = bytes[pos]
                    if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
                    pos += 1
                }
                if pos < stop && field.isEmpty {
                    // The whole field lies in the chunk: the string is made from it directly, without going
                    // through `field` (most fields of a large file; one copy per field instead of two).
                    direct = String(
                        decoding: UnsafeBufferPointer(start: bytes + runStart, count: pos - runStart), as: UTF8.self)
                    break unquoted
                }
                if pos > runStart {
                    field.append(contentsOf: UnsafeBufferPointer(start: bytes + runStart, count: pos - runStart))
                }
                if pos < stop { break unquoted }
                if try !more() { break unquoted }
            }
            fields.append(direct ?? String(decoding: field, as: UTF8.self))
            guard try more() else { return CSVRecord(fields: fields, line: startLine) }
            let terminator = bytes[pos]
            pos += 1
            switch terminator {
            case 0x2C:
                continue
            case 0x0D:
                if try more(), bytes[pos] == 0x0A { pos += 1 }
                line += 1
                return CSVRecord(fields: fields, line: startLine)
            default:
                line += 1
                return CSVRecord(fields: fields, line: startLine)
            }
        }
    }
}
