import Foundation
import RegularsData

/// Reads the two plain CSV layouts of the BTYD literature: a summary (`ID,x,t_x,T[,zbar]`, as
/// `cdnow-summary.csv`) and a transaction log (`customer_id,date,…,dollars`, as
/// `cdnow-sample-transactions.csv`).
///
/// Read through RegularsData's `CSVReader` (header on line 1, every row as wide as it); shop exports go
/// through RegularsData's importers instead.
public enum SummaryFile {
    /// Reads a summary file; times are taken to be in `unit` (CDNOW's are weeks).
    public static func readSummaries(from url: URL, unit: TimeUnit = .weeks) throws(SummaryFileError)
        -> CustomerSummaries
    {
        let table = try SummaryTable(url: url)
        let id = try table.column("ID")
        let x = try table.column("x")
        let tx = try table.column("t_x")
        let age = try table.column("T")
        let zbar = table.optionalColumn("zbar")
        var ids: [CustomerID] = []
        var rows: [CustomerSummary] = []
        for (line, fields) in table.rows {
            let frequency = try table.number(fields, x, line: line)
            guard frequency == frequency.rounded(), frequency >= 0 else {
                throw table.error(line, x, .unreadableNumber(String(fields[x])))
            }
            let recency = try table.number(fields, tx, line: line)
            let t = try table.number(fields, age, line: line)
            guard recency >= 0 else { throw table.error(line, tx, .negativeValue(String(fields[tx]))) }
            guard recency <= t else { throw table.error(line, tx, .recencyAfterAge(String(fields[tx]))) }
            let spend = try zbar.map { column throws(SummaryFileError) in try table.number(fields, column, line: line) }
            ids.append(String(fields[id]))
            rows.append(CustomerSummary(frequency: Int(frequency), recency: recency, age: t, averageSpend: spend ?? 0))
        }
        return CustomerSummaries(unit: unit, ids: ids, rows: rows)
    }

    /// Reads a transaction log: one purchase per line with a customer id, a `YYYY-MM-DD` date and an amount.
    public static func readTransactions(
        from url: URL, customerColumn: String = "customer_id", dateColumn: String = "date",
        amountColumn: String = "dollars"
    ) throws(SummaryFileError) -> [CustomerTransaction] {
        let table = try SummaryTable(url: url)
        let customer = try table.column(customerColumn)
        let date = try table.column(dateColumn)
        let amount = try table.column(amountColumn)
        var transactions: [CustomerTransaction] = []
        transactions.reserveCapacity(table.rows.count)
        for (line, fields) in table.rows {
            guard let day = parseDay(fields[date]) else {
                throw table.error(line, date, .unreadableDate(String(fields[date])))
            }
            guard let money = Money(parsing: fields[amount]) else {
                throw table.error(line, amount, .unreadableNumber(String(fields[amount])))
            }
            transactions.append(
                CustomerTransaction(
                    customerID: String(fields[customer]), date: DayNumber.date(ofDay: day), amount: money))
        }
        return transactions
    }

    /// A `YYYY-MM-DD` date as a day number, or `nil`.
    static func parseDay(_ text: Substring) -> Int32? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
            let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        let day = DayNumber.day(year: y, month: m, day: d)
        return DayNumber.civil(day) == (y, m, d) ? day : nil
    }
}
