import Foundation
import RegularsData

/// Small formatting helpers shared by the reports' CSV, JSON and text renderings.
enum ReportFormatting {
    /// A number as CSV shows it: shortest exact form, empty when absent.
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// "r 0.2426, alpha 4.4135, a 0.7929, b 2.4258".
    static func describe(_ p: BGNBDModel.Parameters) -> String {
        String(format: "r %.4f, alpha %.4f, a %.4f, b %.4f", p.r, p.alpha, p.a, p.b)
    }

    /// "p 6.2488, q 3.7446, gamma 15.4477".
    static func describe(_ p: GammaGammaModel.Parameters) -> String {
        String(format: "p %.4f, q %.4f, gamma %.4f", p.p, p.q, p.gamma)
    }

    /// `"2024-07-15"` for a date (its UTC day).
    static func day(_ date: Date) -> String { DayNumber.iso(DayNumber.day(of: date)) }

    /// The last day with data before `asOf`, as reports name their date: midnight 2024-07-01 → "2024-06-30".
    static func lastDay(before asOf: Date) -> String { DayNumber.iso(DayNumber.lastIncludedDay(asOf: asOf)) }

    /// A JSON encoder with sorted keys, pretty-printed, ISO 8601 dates.
    static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
