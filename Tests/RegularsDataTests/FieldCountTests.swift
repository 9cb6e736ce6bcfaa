import Foundation
import RegularsData
import RegularsTestSupport
import Testing

/// A row with another number of fields than the header is refused as a whole, by the reader, for every
/// format: read by position, a comma too many shifts every later value into the wrong column.
@Suite("rows of the wrong width")
struct FieldCountTests {
    @Test("the reader names the file, the line and both counts, and reads on after the row")
    func reader() throws {
        let url = try TemporaryStore.file(named: "t.csv", "a,b,c\n1,2,3\n1,2,3,4\n\"x\ny\",2\n7,8,9\n")
        let reader = try CSVReader(url: url, displayName: "t.csv")
        #expect(try reader.readRecord()?.fields == ["a", "b", "c"])
        #expect(reader.header == ["a", "b", "c"])
        #expect(try reader.readRecord()?.fields == ["1", "2", "3"])
        for (line, fields) in [(3, ["1", "2", "3", "4"]), (4, ["x\ny", "2"])] {
            do {
                _ = try reader.readRecord()
                Issue.record("line \(line) was read")
            } catch let error as CSVError {
                #expect(error.description == "t.csv:\(line): \(fields.count) fields, the header has 3")
                #expect(error.record?.fields == fields)
            }
        }
        #expect(try reader.readRecord()?.fields == ["7", "8", "9"])
        #expect(try reader.readRecord() == nil)
    }

    @Test(
        "a short orders row refuses the file with the counts, and the store is unchanged",
        arguments: StoreKind.available)
    func shortOrdersRow(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        do {
            _ = try Importer.importOrders(
                from: Fixtures.file("generic/missing-column.csv"), displayName: "missing-column.csv",
                format: .generic, into: store)
            Issue.record("the file was imported")
        } catch let refused as ImportRefused {
            #expect(refused.report.rejected.map(\.description) == ["missing-column.csv:3: 7 fields, the header has 8"])
        }
        #expect(try store.statistics().orderLines == 0)
    }

    @Test(
        "a products file with shifted columns is refused whole, not imported with values in the wrong columns",
        arguments: StoreKind.available)
    func shiftedShopifyProducts(kind: StoreKind) throws {
        let url = try shifted(Fixtures.file("shopify/products_export_current.csv"), row: 2)
        let store = try TemporaryStore.make(kind)
        do {
            _ = try Importer.importProducts(from: url.file, displayName: "p.csv", format: .shopify, into: store)
            Issue.record("the file was imported")
        } catch let refused as ImportRefused {
            #expect(refused.report.rejectedCount == 1)
            #expect(
                refused.report.rejected.first?.description
                    == "p.csv:\(url.line): \(url.width + 1) fields, the header has \(url.width)")
        }
        #expect(try store.statistics().products == 0)
    }

    @Test(
        "--skip-invalid writes the row to the rejects file with the counts and imports the rest",
        arguments: StoreKind.available)
    func skipInvalid(kind: StoreKind) throws {
        let url = try TemporaryStore.file(
            named: "products.csv",
            "sku,title,price\nA,Apron,12.50\nB,Bowl, large,8.00\nC,Cup\nD,Dish,3.00\n")
        let store = try TemporaryStore.make(kind)
        let report = try Importer.importProducts(
            from: url, displayName: "products.csv", format: .generic, options: ImportOptions(skipInvalid: true),
            into: store)
        #expect(report.rowsImported == 2)
        #expect(report.rejectedByReason == ["wrong field count": 2])
        let rejects = try CSVReader(url: URL(fileURLWithPath: url.path + ".rejects.csv"))
        #expect(try rejects.readRecord()?.fields == ["line", "sku", "title", "price", "reject_reason"])
        do {
            _ = try rejects.readRecord()
            Issue.record("the long row should stay long in the rejects file")
        } catch let error as CSVError {
            #expect(error.record?.fields == ["3", "B", "Bowl", " large", "8.00", "4 fields, the header has 3"])
        }
        // The short row is padded so that its reason stays in the reason column.
        #expect(try rejects.readRecord()?.fields == ["4", "C", "Cup", "", "2 fields, the header has 3"])
        #expect(try store.statistics().products == 2)
    }

    /// A copy of `source` with an extra field inserted after the first of data row `row` (1-based).
    private func shifted(_ source: URL, row: Int) throws -> (file: URL, line: Int, width: Int) {
        let reader = try CSVReader(url: source)
        var records: [CSVRecord] = []
        while let record = try reader.readRecord() { records.append(record) }
        var writer = CSVWriter()
        var line = 0
        for (index, record) in records.enumerated() {
            var fields = record.fields
            if index == row {
                fields.insert("shopify", at: 1)
                line = writer.bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            }
            writer.append(fields)
        }
        let url = try TemporaryStore.file(named: "p.csv", writer.text)
        return (url, line, records[0].fields.count)
    }
}
