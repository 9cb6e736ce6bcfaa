/// A CSV file could not be read: names the file, the physical line and, where known, the column.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based physical line; 0 when the problem is with the file as a whole.
    public var line: Int
    /// The column's header name, or `#N` (1-based) when the header is not known yet.
    public var field: String?
    public var message: String
    /// A row that was read whole but has another number of fields than the header: reading can go on after
    /// it, and importers with `--skip-invalid` write it to their rejects. `nil` for errors that end reading.
    public var record: CSVRecord?

    public init(file: String, line: Int, field: String?, message: String, record: CSVRecord? = nil) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.record = record
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        if let field { return "\(place): column '\(field)': \(message)" }
        return "\(place): \(message)"
    }
}
