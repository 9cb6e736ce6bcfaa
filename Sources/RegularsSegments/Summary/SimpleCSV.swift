import Foundation

/// A header and rows of comma-separated fields without quoting; blank lines are skipped.
struct SimpleCSV {
    let file: String
    let header: [String]
    /// (1-based line number, fields) of each data row.
    let rows: [(line: Int, fields: [Substring])]

    init(url: URL) throws(SummaryFileError) {
        file = url.lastPathComponent
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SummaryFileError(file: url.lastPathComponent, line: 0, field: "", reason: .unreadableFile)
        }
        var header: [String] = []
        var rows: [(Int, [Substring])] = []
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
        {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)[...]
            }
            if header.isEmpty {
                header = fields.map(String.init)
                continue
            }
            guard fields.count == header.count else {
                throw SummaryFileError(
                    file: file, line: offset + 1, field: header.first ?? "",
                    reason: .wrongFieldCount(fields.count, expected: header.count))
            }
            rows.append((offset + 1, fields))
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
