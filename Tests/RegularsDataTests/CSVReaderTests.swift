import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    private func records(_ text: String) throws -> [CSVRecord] {
        let reader = try CSVReader(url: try TemporaryStore.file(named: "t.csv", text), displayName: "t.csv")
        var out: [CSVRecord] = []
        while let record = try reader.readRecord() { out.append(record) }
        return out
    }

    @Test("reads quoted fields, doubled quotes and commas inside quotes")
    func quoting() throws {
        let rows = try records("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n")
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["1", "x, y", "say \"hi\""]])
    }

    @Test("keeps newlines inside quotes and counts physical lines")
    func newlinesInQuotes() throws {
        let rows = try records("h1,h2\n\"two\nlines\",x\nlast,y\n")
        #expect(rows[1].fields == ["two\nlines", "x"])
        #expect(rows[1].line == 2)
        #expect(rows[2].line == 4)
    }

    @Test("accepts CRLF, a byte-order mark, blank lines and no final newline")
    func lineEndings() throws {
        let rows = try records("\u{FEFF}a,b\r\n1,2\r\n\r\n3,4")
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(rows[2].line == 4)
    }

    @Test("keeps empty fields, including a trailing one")
    func emptyFields() throws {
        #expect(try records("a,,c,\n").first?.fields == ["a", "", "c", ""])
    }

    @Test("a quote that never closes is an error naming the line it opened on")
    func unclosedQuote() throws {
        #expect(throws: CSVError.self) { try records("a,b\n1,\"open\n2,3\n") }
        do {
            _ = try records("a,b\n1,\"open\n2,3\n")
        } catch let error as CSVError {
            #expect(error.line == 2)
            #expect(error.field == "#2")
        }
    }

    @Test("reads gzip files by their magic bytes, whatever the name")
    func gzip() throws {
        let plain = try TemporaryStore.file(
            named: "data.csv", "x,y\n" + (1...5000).map { "\($0),\"v \($0)\"" }.joined(separator: "\n"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c '\(plain.path)' > '\(plain.path).bin'"]
        try process.run()
        process.waitUntilExit()
        let reader = try CSVReader(url: URL(fileURLWithPath: plain.path + ".bin"))
        var count = 0
        var last: CSVRecord?
        while let record = try reader.readRecord() {
            count += 1
            last = record
        }
        #expect(count == 5001)
        #expect(last?.fields == ["5000", "v 5000"])
    }

    @Test("a truncated gzip file is an error, not a silent short read")
    func truncatedGzip() throws {
        let plain = try TemporaryStore.file(
            named: "data.csv", (1...20000).map { "\($0),\($0 * 7)" }.joined(separator: "\n"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c '\(plain.path)' | head -c 2000 > '\(plain.path).gz'"]
        try process.run()
        process.waitUntilExit()
        let reader = try CSVReader(url: URL(fileURLWithPath: plain.path + ".gz"))
        #expect(throws: CSVError.self) {
            while try reader.readRecord() != nil {}
        }
    }

    @Test("the writer's output reads back to the same fields")
    func roundTrip() throws {
        let fields = [["plain", "with, comma", "with \"quote\"", "two\nlines", ""]]
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("w.csv")
        var writer = try CSVWriter(url: url)
        for row in fields { try writer.write(row) }
        try writer.close()
        let reader = try CSVReader(url: url)
        #expect(try reader.readRecord()?.fields == fields[0])
    }
}
