import Foundation
import RegularsData
import RegularsSegments
import RegularsTestSupport

/// The CDNOW sample (Fader, Hardie & Lee 2005) as the tests use it.
enum CDNOW {
    static let summaryURL = Fixtures.sharedData("cdnow-summary.csv")
    static let transactionsURL = Fixtures.sharedData("cdnow-sample-transactions.csv")

    /// The published summary, in weeks.
    static func summaries() throws -> CustomerSummaries {
        try SummaryFile.readSummaries(from: summaryURL, unit: .weeks)
    }

    static func transactions() throws -> [CustomerTransaction] {
        try SummaryFile.readTransactions(from: transactionsURL)
    }

    /// `asOf` ending the calibration period with 1997-09-30 included.
    static let calibrationAsOf = Fixtures.day("1997-10-01")

    /// The transactions as a shop snapshot: one order per transaction line, taken at `asOf`.
    static func snapshot(asOf: Date = Fixtures.day("1998-07-01")) throws -> Snapshot {
        var builder = SnapshotBuilder(asOf: asOf)
        for (number, transaction) in try transactions().enumerated() {
            builder.add(
                line: .init(
                    orderID: "T\(number)", customerID: transaction.customerID,
                    orderedAt: Int64(transaction.date.timeIntervalSince1970), sku: "CD",
                    unitPrice: transaction.amount.units))
        }
        return builder.build()
    }

    /// Parameters published by CLVTools for BG/NBD on this summary (weeks).
    static let clvTools = BGNBDModel.Parameters(r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881)
}
