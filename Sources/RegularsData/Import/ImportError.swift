/// A value in an imported file could not be used; points at file, line and column header.
///
/// Messages name the place and quote dates, SKUs, numbers — never e-mails or names.
public struct ImportError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable, Codable {
        case missingColumn(header: [String])
        /// The row has another number of fields than the header (`CSVReader` refuses it).
        case wrongFieldCount(fieldCount: Int, headerCount: Int)
        /// No longer made (the reader checks widths now); kept so that reports stored by earlier versions decode.
        case missingField(fieldCount: Int, headerCount: Int)
        case extraField(fieldCount: Int, headerCount: Int)
        case emptyValue
        case unreadableDate(String)
        case unreadableNumber(String)
        case unreadableMoney(String)
        case negativeQuantity(Int)
        case zeroQuantity
        case unclosedQuote
        case orderRejected(firstLine: Int)
        case other(String)

        public var message: String {
            switch self {
            case .missingColumn(let header):
                let shown = header.prefix(12).joined(separator: ", ") + (header.count > 12 ? ", …" : "")
                return "is missing from the header (it has: \(shown)); rename the column or pass --map"
            case .wrongFieldCount(let got, let want):
                return "\(got) fields, the header has \(want)"
            case .missingField(let got, let want):
                return "the row ends early: \(got) fields where the header has \(want)"
            case .extraField(let got, let want):
                return "the row has \(got) fields where the header has \(want) (an unquoted comma?)"
            case .emptyValue: return "is empty"
            case .unreadableDate(let value):
                return "cannot read \"\(value)\" as a date; expected \(Timestamp.expected)"
            case .unreadableNumber(let value): return "cannot read \"\(value)\" as a whole number"
            case .unreadableMoney(let value):
                return "cannot read \"\(value)\" as an amount; expected a number such as 12.50 (at most 4 decimals)"
            case .negativeQuantity(let value):
                return "quantity \(value) is negative (returns are not imported as orders)"
            case .zeroQuantity: return "quantity is 0"
            case .unclosedQuote: return "a quoted field starts here and its closing quote never comes"
            case .orderRejected(let line): return "its order was rejected at line \(line)"
            case .other(let text): return text
            }
        }

        /// A short key for counting rejects by kind in reports.
        public var key: String {
            switch self {
            case .missingColumn: "missing column"
            case .wrongFieldCount: "wrong field count"
            case .missingField: "row ends early"
            case .extraField: "extra fields"
            case .emptyValue: "empty value"
            case .unreadableDate: "unreadable date"
            case .unreadableNumber: "unreadable number"
            case .unreadableMoney: "unreadable amount"
            case .negativeQuantity: "negative quantity"
            case .zeroQuantity: "zero quantity"
            case .unclosedQuote: "unclosed quote"
            case .orderRejected: "order rejected"
            case .other: "other"
            }
        }
    }

    public var file: String
    /// 1-based physical line; the header is line 1.
    public var line: Int
    /// The column's header name exactly as in the file; empty when the whole row is at fault.
    public var field: String
    public var reason: Reason

    public init(file: String, line: Int, field: String, reason: Reason) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        field.isEmpty ? "\(file):\(line): \(reason.message)" : "\(file):\(line): column '\(field)': \(reason.message)"
    }

    /// The reason as a rejects file gives it: `column: message`, or the message alone for the whole row.
    var rejectReason: String { field.isEmpty ? reason.message : "\(field): \(reason.message)" }
}

/// A whole import was refused: nothing was written. Carries the report with the first errors.
public struct ImportRefused: Error, Sendable, CustomStringConvertible {
    public var report: ImportReport
    public init(report: ImportReport) { self.report = report }
    public var description: String {
        var lines = ["\(report.file): not imported: \(report.rejectedCount) invalid row(s); the store is unchanged"]
        lines += report.rejected.prefix(20).map(\.description)
        if report.rejectedCount > 20 { lines.append("… and \(report.rejectedCount - 20) more") }
        lines.append(
            "fix the rows above, or pass --skip-invalid to import the valid rows and write the rest to a "
                + ".rejects.csv file"
        )
        return lines.joined(separator: "\n")
    }
}
