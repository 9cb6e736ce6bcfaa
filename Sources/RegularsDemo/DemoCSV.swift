import RegularsData

/// Builds a CSV file in memory the way Shopify's exports are written (RFC 4180, `\n` line ends), quoting
/// through `CSVWriter.appendField`, with rows given by column name.
struct DemoCSV {
    private var writer = CSVWriter()
    let header: [String]
    private let columnByName: [String: Int]

    init(header: [String]) {
        self.header = header
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() { columns[name] = index }
        columnByName = columns
        writer.append(header)
    }

    /// The file so far, UTF-8.
    var bytes: [UInt8] { writer.bytes }

    /// The file so far.
    var text: String { writer.text }

    /// A row with `fields` in the named columns and every other column empty.
    mutating func append(_ fields: [(String, String)]) {
        var row = [String](repeating: "", count: header.count)
        for (name, value) in fields {
            guard let column = columnByName[name] else { preconditionFailure("no column '\(name)'") }
            row[column] = value
        }
        writer.append(row)
    }

    /// Two decimals, as Shopify writes money (`1234.50`); the same rounding as `Money.description`
    /// without its `String(format:)`, which dominates the export's cost on Linux.
    static func amount(_ money: Money) -> String {
        let cents = (money.units >= 0 ? money.units + 50 : money.units - 50) / 100
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}
