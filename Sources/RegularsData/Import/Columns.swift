import Foundation

/// Finds columns by name (never by position), case- and space-insensitively, honouring `--map`.
struct Columns {
    let file: String
    let header: [String]
    private let indexByName: [String: Int]
    private let map: [String: String]

    init(header: [String], file: String, map: [String: String]) {
        self.file = file
        self.header = header
        self.map = map
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = Self.normalise(name)
            if index[key] == nil { index[key] = i }
        }
        indexByName = index
    }

    static func normalise(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The column for `field`, trying a `--map` entry first, then each name in turn.
    func find(_ field: String, _ names: String...) -> Column? {
        var candidates = names.isEmpty ? [field] : names
        if let mapped = map[field] { candidates.insert(mapped, at: 0) }
        for name in candidates {
            if let i = indexByName[Self.normalise(name)] { return Column(index: i, name: header[i]) }
        }
        return nil
    }

    /// Like `find`, but a missing column is an error on the header line.
    func require(_ field: String, _ names: String...) throws -> Column {
        var candidates = names.isEmpty ? [field] : names
        if let mapped = map[field] { candidates.insert(mapped, at: 0) }
        for name in candidates {
            if let i = indexByName[Self.normalise(name)] { return Column(index: i, name: header[i]) }
        }
        throw ImportError(
            file: file, line: 1, field: map[field] ?? candidates.last ?? field, reason: .missingColumn(header: header))
    }

    /// Checks that every `--map` target names a real column.
    func checkMap() throws {
        for (field, column) in map.sorted(by: { $0.key < $1.key }) where indexByName[Self.normalise(column)] == nil {
            throw ImportError(
                file: file, line: 1, field: column,
                reason: .other("named by --map \(field)=\(column), but the header has no such column"))
        }
    }
}

/// One located column.
struct Column: Sendable {
    let index: Int
    let name: String
}

/// One data row with typed, checked accessors whose errors name the file, line and column.
struct ImportRow {
    let record: CSVRecord
    let file: String

    var line: Int { record.line }

    func text(_ column: Column?) -> String {
        guard let column, column.index < record.fields.count else { return "" }
        return record.fields[column.index]
    }

    func optional(_ column: Column?) -> String? {
        let value = text(column)
        if value.isEmpty { return nil }
        guard value.utf8.first == 0x20 || value.utf8.last == 0x20 || value.utf8.first == 0x09 || value.utf8.last == 0x09
        else {
            return value
        }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    func error(_ column: Column, _ reason: ImportError.Reason) -> ImportError {
        ImportError(file: file, line: line, field: column.name, reason: reason)
    }

    func required(_ column: Column) throws -> String {
        let value = text(column)
        guard value.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { throw error(column, .emptyValue) }
        return value
    }

    func date(_ column: Column) throws -> Int64 {
        let value = try required(column)
        guard let seconds = Timestamp.parse(value) else { throw error(column, .unreadableDate(value)) }
        return seconds
    }

    func optionalDate(_ column: Column?) throws -> Int64? {
        guard let column, let value = optional(column) else { return nil }
        guard let seconds = Timestamp.parse(value) else { throw error(column, .unreadableDate(value)) }
        return seconds
    }

    func quantity(_ column: Column) throws -> Int {
        let raw = try required(column)
        let value = raw.utf8.first == 0x20 || raw.utf8.last == 0x20 ? raw.trimmingCharacters(in: .whitespaces) : raw
        guard let number = Int(value) ?? Double(value).flatMap({ $0 == $0.rounded() ? Int(exactly: $0) : nil }) else {
            throw error(column, .unreadableNumber(value))
        }
        if number < 0 { throw error(column, .negativeQuantity(number)) }
        if number == 0 { throw error(column, .zeroQuantity) }
        return number
    }

    func optionalInt(_ column: Column?) throws -> Int? {
        guard let column, let value = optional(column) else { return nil }
        guard let number = Int(value) else { throw error(column, .unreadableNumber(value)) }
        return number
    }

    func money(_ column: Column) throws -> Money {
        let value = try required(column)
        guard let money = Money(parsing: Self.stripCurrency(value)) else {
            throw error(column, .unreadableMoney(value))
        }
        return money
    }

    func optionalMoney(_ column: Column?) throws -> Money? {
        guard let column, let value = optional(column) else { return nil }
        guard let money = Money(parsing: Self.stripCurrency(value)) else {
            throw error(column, .unreadableMoney(value))
        }
        return money
    }

    /// Shops paste prices such as `$12.50` or `12.50 EUR`; keep the number.
    private static func stripCurrency(_ value: String) -> Substring {
        if let first = value.utf8.first, first >= 0x30 && first <= 0x39, let last = value.utf8.last,
            last >= 0x30 && last <= 0x39
        {
            return Substring(value)
        }
        var text = Substring(value.trimmingCharacters(in: .whitespaces))
        while let first = text.first, "$€£¥".contains(first) { text = text.dropFirst() }
        if let space = text.lastIndex(of: " "), text[text.index(after: space)...].allSatisfy(\.isLetter) {
            text = text[..<space]
        }
        return text
    }
}
