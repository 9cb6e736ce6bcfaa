import Foundation
import RegularsTestSupport
import Testing

@testable import RegularsSegments

@Suite("Summary and transaction files")
struct SummaryFileTests {
    @Test("reads cdnow-summary.csv: 2,357 customers, 946 of them repeat buyers")
    func readsCDNOW() throws {
        let summaries = try CDNOW.summaries()
        #expect(summaries.count == 2_357)
        #expect(summaries.repeatCustomerCount == 946)
        #expect(summaries.ids.first == "1")
        #expect(summaries.rows.first == CustomerSummary(frequency: 2, recency: 30.43, age: 38.86, averageSpend: 22.35))
        #expect(summaries.summary(of: "3") == CustomerSummary(frequency: 0, recency: 0, age: 38.86, averageSpend: 0))
    }

    @Test("reads the transaction log: 6,919 transactions with dates and amounts")
    func readsTransactions() throws {
        let transactions = try CDNOW.transactions()
        #expect(transactions.count == 6_919)
        #expect(transactions[0].customerID == "1")
        #expect(transactions[0].date == Fixtures.day("1997-01-01"))
        #expect(transactions[0].amount.units == 293_300)
    }

    @Test("a missing column is named with the file")
    func missingColumn() throws {
        let url = try write("ID,x,T\n1,0,3\n", name: "short.csv")
        #expect(throws: SummaryFileError(file: "short.csv", line: 1, field: "t_x", reason: .missingColumn)) {
            try SummaryFile.readSummaries(from: url)
        }
    }

    @Test("a row of another width than the header is refused with both counts (the shared CSV reader)")
    func wrongWidth() throws {
        let url = try write("ID,x,t_x,T\n1,0,0,3\n2,1,0.5,3,9\n", name: "wide.csv")
        let expected = SummaryFileError(
            file: "wide.csv", line: 3, field: "ID", reason: .wrongFieldCount(5, expected: 4))
        #expect(throws: expected) { try SummaryFile.readSummaries(from: url) }
        #expect(expected.description == "wide.csv:3: ID: 5 fields, the header has 4")
    }

    @Test("a bad number points at its line and column")
    func badNumber() throws {
        let url = try write("ID,x,t_x,T\n1,0,0,3\n2,two,0,3\n", name: "bad.csv")
        let expected = SummaryFileError(file: "bad.csv", line: 3, field: "x", reason: .unreadableNumber("two"))
        #expect(throws: expected) { try SummaryFile.readSummaries(from: url) }
        #expect(expected.description == "bad.csv:3: x: cannot read number \"two\"")
    }

    @Test("t_x larger than T is refused")
    func recencyAfterAge() throws {
        let url = try write("ID,x,t_x,T\n1,1,5,3\n", name: "late.csv")
        #expect(throws: SummaryFileError(file: "late.csv", line: 2, field: "t_x", reason: .recencyAfterAge("5"))) {
            try SummaryFile.readSummaries(from: url)
        }
    }

    @Test("an impossible date is refused")
    func badDate() throws {
        let url = try write("customer_id,date,dollars\n1,1997-02-30,3.00\n", name: "dates.csv")
        #expect(
            throws: SummaryFileError(file: "dates.csv", line: 2, field: "date", reason: .unreadableDate("1997-02-30"))
        ) {
            try SummaryFile.readTransactions(from: url)
        }
    }

    private func write(_ text: String, name: String) throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
