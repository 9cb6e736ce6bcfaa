import Foundation

/// A summary or transaction file could not be used; points at file, line and column header.
public struct SummaryFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case unreadableFile
        case missingColumn
        case wrongFieldCount(Int, expected: Int)
        /// Not CSV at this line (a quote that never closes).
        case malformed(String)
        case unreadableNumber(String)
        case unreadableDate(String)
        case negativeValue(String)
        case recencyAfterAge(String)

        var message: String {
            switch self {
            case .unreadableFile: "cannot read the file"
            case .missingColumn: "missing column; the header must name it"
            case let .wrongFieldCount(count, expected): "\(count) fields, the header has \(expected)"
            case let .malformed(message): message
            case let .unreadableNumber(text): "cannot read number \"\(text)\""
            case let .unreadableDate(text): "cannot read date \"\(text)\"; expected YYYY-MM-DD"
            case let .negativeValue(text): "\(text) is negative; expected 0 or more"
            case let .recencyAfterAge(text): "\(text) is larger than T; the last purchase cannot follow the end"
            }
        }
    }

    public var file: String
    /// 1-based physical line; the header is line 1 (0 when the whole file is at fault).
    public var line: Int
    /// Header name exactly as in the file (empty when the whole file is at fault).
    public var field: String
    public var reason: Reason

    public init(file: String, line: Int, field: String, reason: Reason) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        field.isEmpty ? "\(file): \(reason.message)" : "\(file):\(line): \(field): \(reason.message)"
    }
}
