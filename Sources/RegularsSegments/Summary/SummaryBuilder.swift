import Foundation
import RegularsData

/// Builds the (x, t_x, T, z̄) summaries that BG/NBD and Gamma-Gamma are fitted on.
///
/// Conventions (those that reproduce the CDNOW summary of Fader, Hardie & Lee 2005 exactly):
/// purchases are counted per UTC calendar day; x is the number of purchase days after the first;
/// t_x runs from the first purchase day to the last; T from the first purchase day to the last day of
/// the calibration period, the day of the last moment before `asOf` (data are the moments before `asOf`, so
/// `asOf` = 1997-10-01T00:00Z ends the calibration with 1997-09-30 included and gives T = 38.86 weeks
/// for a customer who first bought on 1997-01-01); z̄ is the mean spend of the repeat purchase days.
public enum SummaryBuilder {
    /// Summaries of every customer with an order before `asOf` (default: the snapshot's own `asOf`).
    public static func summarize(_ snapshot: Snapshot, asOf: Date? = nil, unit: TimeUnit = .days)
        -> CustomerSummaries
    {
        summarize(PurchaseDays(snapshot: snapshot, asOf: asOf), asOf: asOf ?? snapshot.asOf, unit: unit)
    }

    /// Summaries of every customer with a transaction before `asOf`, in order of first appearance.
    public static func summarize(_ transactions: [CustomerTransaction], asOf: Date, unit: TimeUnit = .days)
        -> CustomerSummaries
    {
        summarize(PurchaseDays(transactions: transactions), asOf: asOf, unit: unit)
    }

    /// The `asOf` that ends a calibration period with `lastDay` included: midnight UTC after it.
    public static func endOfDay(_ lastDay: Date) -> Date {
        DayNumber.date(ofDay: DayNumber.day(of: lastDay) + 1)
    }

    static func summarize(_ history: PurchaseDays, asOf: Date, unit: TimeUnit) -> CustomerSummaries {
        let lastDay = DayNumber.lastIncludedDay(asOf: asOf)
        var ids: [CustomerID] = []
        var rows: [CustomerSummary] = []
        ids.reserveCapacity(history.customerCount)
        rows.reserveCapacity(history.customerCount)
        for customer in 0..<history.customerCount {
            if let summary = history.summary(of: customer, through: lastDay, unit: unit) {
                ids.append(history.ids[customer])
                rows.append(summary)
            }
        }
        return CustomerSummaries(unit: unit, ids: ids, rows: rows)
    }
}
