import RegularsData
/// Writes CSV the way Shopify's exports are written: RFC 4180, comma-separated, `\n` line ends, a
/// field quoted only when it holds a comma, a double quote, a CR or an LF, and quotes doubled inside.
struct DemoCSV {
    /// The file so far, UTF-8.
    private(set) var bytes: [UInt8] = []
    let header: [String]
    private let columnByName: [String: Int]

    init(header: [String]) {
        self.header = header
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() { columns[name] = index }
        columnByName = columns
        bytes.reserveCapacity(1 << 20)
        append(header)
    }

    /// The file so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A row with `fields` in the named columns and every other column empty.
    mutating func append(_ fields: [(String, String)]) {
        var row = [String](repeating: "", count: header.count)
        for (name, value) in fields {
            guard let column = columnByName[name] else { preconditionFailure("no column '\(name)'") }
            row[column] = value
        }
        append(row)
    }

    private mutating func append(_ row: [String]) {
        for (index, field) in row.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            if field.isEmpty { continue }
            let utf8 = field.utf8
            if utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                bytes.append(0x22)
                for byte in utf8 {
                    bytes.append(byte)
                    if byte == 0x22 { bytes.append(0x22) }
                }
                bytes.append(0x22)
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(0x0A)
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
