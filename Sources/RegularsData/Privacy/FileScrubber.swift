import Foundation

/// Takes one customer out of a file the product wrote: the rows (or e-mail blocks) that name them go, the rest
/// of the file stays usable. A file that cannot be cleaned row by row (a preview page) is replaced by a notice;
/// one that still names them after cleaning is removed.
public enum FileScrubber {
    public enum Outcome: String, Sendable, Codable, Hashable {
        /// The file did not name them.
        case clean
        /// Their rows were taken out.
        case scrubbed
        /// The file was replaced by a notice (it could not be cleaned row by row).
        case replaced
        /// The file was deleted.
        case removed
        /// The file is no longer where it was written (moved or deleted by someone).
        case missing
    }

    /// The separator between e-mails in a campaign's `emails.txt`.
    public static let textBlockSeparator = "\n" + String(repeating: "-", count: 72) + "\n\n"

    /// The columns that tie the rows of one order together in an orders export: when one row names the customer,
    /// every row of that order goes (a Shopify export names the buyer on the order's first row only).
    static let orderColumns = ["order_id", "Name"]

    public static func scrub(_ file: WrittenFile, of who: PersonalIdentifiers) throws -> Outcome {
        let url = URL(fileURLWithPath: file.path)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .missing }
        guard who.marks(String(decoding: data, as: UTF8.self)) else { return .clean }
        let outcome: Outcome
        switch url.pathExtension.lowercased() {
        case "csv":
            try PrivateFile.write(try scrubbedCSV(url, of: who), to: url)
            outcome = .scrubbed
        case "txt":
            let blocks = String(decoding: data, as: UTF8.self).components(separatedBy: textBlockSeparator)
            let kept = blocks.filter { !who.marks($0) }.joined(separator: textBlockSeparator)
            try PrivateFile.write(Data(kept.utf8), to: url)
            outcome = .scrubbed
        case "html":
            try PrivateFile.write(Data(notice.utf8), to: url)
            outcome = .replaced
        default:
            try FileManager.default.removeItem(at: url)
            return .removed
        }
        // Whatever the format, the file must not name them any more.
        if let after = FileManager.default.contents(atPath: url.path), who.marks(String(decoding: after, as: UTF8.self))
        {
            try FileManager.default.removeItem(at: url)
            return .removed
        }
        return outcome
    }

    /// The CSV without the records that name them (and without the other rows of their orders).
    static func scrubbedCSV(_ url: URL, of who: PersonalIdentifiers) throws -> Data {
        let reader = try CSVReader(url: url)
        var records: [CSVRecord] = []
        // A torn record (a field count unlike the header's) still has to be judged: read past width errors.
        while true {
            do {
                guard let record = try reader.readRecord() else { break }
                records.append(record)
            } catch let error as CSVError {
                guard let record = error.record else { throw error }
                records.append(record)
            }
        }
        guard let header = records.first else { return Data() }
        let orderColumn = header.fields.firstIndex { orderColumns.contains($0) }
        let isOrdersFile = header.fields.contains("order_id") || header.fields.contains("Lineitem sku")
        var theirOrders = Set<String>()
        var drop = Set<Int>()
        for (index, record) in records.enumerated().dropFirst() where record.fields.contains(where: who.marks) {
            drop.insert(index)
            if isOrdersFile, let column = orderColumn, column < record.fields.count {
                theirOrders.insert(record.fields[column])
            }
        }
        if let column = orderColumn, !theirOrders.isEmpty {
            for (index, record) in records.enumerated().dropFirst()
            where column < record.fields.count && theirOrders.contains(record.fields[column]) {
                drop.insert(index)
            }
        }
        var writer = CSVWriter()
        for (index, record) in records.enumerated() where !drop.contains(index) { try writer.write(record.fields) }
        return Data(writer.bytes)
    }

    static let notice = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Preview removed</title></head>
        <body><p>This preview showed a customer who has since been erased, so it was removed. Compose the campaign \
        again for a new preview.</p></body></html>

        """
}
