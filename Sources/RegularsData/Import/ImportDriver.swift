import Foundation

/// One file format's row logic; the driver owns reading, transactions, rejects and the report.
protocol RowImporter {
    /// Checks the header; throws for a missing column.
    init(columns: Columns) throws
    /// Handles one data row; throws `ImportError` when the row is invalid.
    mutating func consume(_ row: ImportRow, writer: any StoreWriter, report: inout ImportReport) throws
    /// Writes what is still pending at the end of the file.
    mutating func finish(writer: any StoreWriter, report: inout ImportReport) throws
}

/// Reads a file through a `RowImporter` in one transaction; reading and writing overlap (`ImportPipeline`).
///
/// Without `skipInvalid`, one invalid row refuses the file: every row is still checked so the report lists
/// the errors, and the transaction rolls back. With it, invalid rows go to `FILE.rejects.csv` with their reason.
enum ImportDriver {
    static func run<Importer: RowImporter>(
        _ type: Importer.Type, url: URL, displayName: String, kind: String, format: String,
        options: ImportOptions, store: any Store
    ) throws -> ImportReport {
        let reader = try CSVReader(url: url, displayName: displayName)
        var report = ImportReport(file: displayName, kind: kind, format: format)
        guard let headerRecord = try reader.readRecord() else {
            throw ImportError(file: displayName, line: 1, field: "(header)", reason: .other("the file is empty"))
        }
        let header = headerRecord.fields
        let columns = Columns(header: header, file: displayName, map: options.columnMap)
        try columns.checkMap()
        var importer = try Importer(columns: columns)
        let fileSize =
            (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.doubleValue ?? 0
        let rejectsURL = URL(fileURLWithPath: url.path + ".rejects.csv")
        // Rejected rows hold customers' details: the file is noted for erasure before it can exist, so that an
        // import killed after writing it still leaves it findable.
        if options.skipInvalid {
            try store.record(writtenFile: WrittenFile(path: rejectsURL.path, kind: .importRejects))
        }

        var rejects: CSVWriter?
        try store.importWrite { writer in
            try ImportPipeline.run(into: writer) { queued in
                try readRows(
                    reader, into: &importer, header: header, writer: queued, options: options, fileSize: fileSize,
                    rejects: &rejects, rejectsURL: rejectsURL, report: &report)
            }
            try writer.record(report: report)
        }
        try rejects?.close()
        options.progress?(1)
        return report
    }

    /// Every data row through `importer`, on the pipeline's reading thread.
    private static func readRows<Importer: RowImporter>(
        _ reader: CSVReader, into importer: inout Importer, header: [String], writer: any StoreWriter,
        options: ImportOptions, fileSize: Double, rejects: inout CSVWriter?, rejectsURL: URL,
        report: inout ImportReport
    ) throws {
        let displayName = report.file
        var sink: any StoreWriter = writer
        while true {
            let record: CSVRecord?
            var rowError: ImportError?
            do {
                record = try reader.readRecord()
            } catch let error as CSVError {
                guard let refused = error.record else {
                    // A quote that never closes swallows the rest of the file: nothing after it can be trusted.
                    report.reject(Self.fatalError(error, header: header, file: displayName))
                    throw ImportRefused(report: report)
                }
                // A row of another width than the header: reading goes on, the row is invalid as a whole.
                record = refused
                rowError = ImportError(
                    file: displayName, line: refused.line, field: "",
                    reason: .wrongFieldCount(fieldCount: refused.fields.count, headerCount: header.count))
            }
            guard let record else { break }
            report.rowsRead += 1
            if report.rowsRead % 20_000 == 0, let progress = options.progress, fileSize > 0 {
                progress(min(1, reader.bytesRead / fileSize))
            }
            do {
                if let rowError { throw rowError }
                try importer.consume(ImportRow(record: record, file: displayName), writer: sink, report: &report)
            } catch let error as ImportError {
                report.reject(error)
                if options.skipInvalid {
                    if rejects == nil {
                        rejects = try CSVWriter(url: rejectsURL)
                        try rejects?.write(["line"] + header + ["reject_reason"])
                    }
                    // A short row is padded so that its reason stays in the reason column; a long one keeps
                    // all its fields (the user needs them to see where the extra comma is).
                    let padding = [String](repeating: "", count: max(0, header.count - record.fields.count))
                    try rejects?.write([String(record.line)] + record.fields + padding + [error.rejectReason])
                } else {
                    sink = DiscardingWriter()
                }
            }
        }
        try importer.finish(writer: sink, report: &report)
        if report.rejectedCount > 0 && !options.skipInvalid { throw ImportRefused(report: report) }
        if rejects != nil { report.rejectsFile = rejectsURL.path }
    }
}

extension ImportDriver {
    /// An error that ends reading, with the column named by the header where the reader only knew its number.
    static func fatalError(_ error: CSVError, header: [String], file: String) -> ImportError {
        let field = error.field.flatMap { name -> String? in
            guard name.hasPrefix("#"), let n = Int(name.dropFirst()), n >= 1, n <= header.count else { return name }
            return header[n - 1]
        }
        return ImportError(
            file: file, line: error.line, field: field ?? "(file)",
            reason: error.message.contains("quot") ? .unclosedQuote : .other(error.message))
    }
}

/// Stands in for the store once a file is known to be refused, so the rest is only checked.
struct DiscardingWriter: StoreWriter {
    func ensureCustomer(_ id: CustomerID) throws {}
    func upsert(customer: Customer) throws {}
    func upsert(product: Product) throws {}
    func ensureProduct(sku: SKU, title: String, category: String?) throws {}
    func upsert(order: Order) throws {}
    func upsert(line: OrderLine) throws {}
    func trimLines(of order: OrderID, keeping count: Int) throws {}
    func removeOrder(_ id: OrderID) throws -> Bool { false }
    func record(report: ImportReport) throws {}
    func suppressionList() throws -> SuppressionList { .empty }
}
