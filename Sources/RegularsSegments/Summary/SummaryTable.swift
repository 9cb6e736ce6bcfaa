import Foundation
import RegularsData

/// A summary or transaction file read whole through `CSVReader`, fields trimmed of spaces.
struct SummaryTable {
    let file: String
    let header: [String]
    /// (1-based line number, fields) of each data row.
    let rows: [(line: Int, fields: [Substring])]

    init(url: URL) throws(SummaryFileError) {
        file = url.lastPathComponent
        var header: [String] = []
        var rows: [(Int, [Substring])] = []
        do {
            let reader = try CSVReader(url: url, displayName: file)
            while let record = try reader.readRecord() {
                let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces)[...] }
                if header.isEmpty {
                    header = fields.map(String.init)
                } else {
                    rows.append((record.line, fields))
                }
            }
        } catch let error as CSVError {
            if let record = error.record {
                throw SummaryFileError(
                    file: file, line: error.line, field: header.first ?? "",
                    reason: .wrongFieldCount(record.fields.count, expected: header.count))
            }
            throw SummaryFileError(
                file: file, line: error.line, field: error.line > 0 ? "(row)" : "",
                reason: error.line > 0 ? .malformed(error.message) : .unreadableFile)
        } catch {
            throw SummaryFileError(file: file, line: 0, field: "", reason: .unreadableFile)
        }
        self.header = header
        self.rows = rows
    }

    func column(_ name: String) throws(SummaryFileError) -> Int {
        guard let index = optionalColumn(name) else {
            throw SummaryFileError(file: file, line: 1, field: name, reason: .missingColumn)
        }
        return index
    }

    func optionalColumn(_ name: String) -> Int? { header.firstIndex(of: name) }

    func number(_ fields: [Substring], _ column: Int, line: Int) throws(SummaryFileError) -> Double {
        guard let value = Double(fields[column]), value.isFinite else {
            throw error(line, column, .unreadableNumber(String(fields[column])))
        }
        return value
    }

    func error(_ line: Int, _ column: Int, _ reason: SummaryFileError.Reason) -> SummaryFileError {
        SummaryFileError(file: file, line: line, field: header[column], reason: reason)
    }
}
