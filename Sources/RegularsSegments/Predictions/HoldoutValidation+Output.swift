import Foundation

extension HoldoutValidation {
    /// Pretty JSON with sorted keys (`regulars predict --validate --json`).
    public func json() throws -> Data { try ReportFormatting.jsonEncoder().encode(self) }

    /// The Figure 4 table and the totals, for people (`regulars predict --validate`).
    public var text: String {
        let period = String(format: "%.2f %@", holdoutLength, purchases.unit.rawValue)
        let likelihood = purchases.logLikelihood.map { String(format: ", LL %.2f", $0) } ?? ""
        var lines = [
            "Calibration through \(ReportFormatting.day(calibrationEnd)), "
                + "hold-out through \(ReportFormatting.day(holdoutEnd)) (\(period))",
            "BG/NBD: \(ReportFormatting.describe(purchases.parameters))\(likelihood)",
            "x    customers  actual mean  predicted mean",
        ]
        for bucket in buckets {
            lines.append(
                bucket.frequency.padding(toLength: 5, withPad: " ", startingAt: 0)
                    + String(format: "%9d %12.3f %15.3f", bucket.customers, bucket.actualMean, bucket.predictedMean))
        }
        lines.append(
            String(
                format: "total: actual %.0f, predicted %.1f (%.2f %%)", actualTotal, predictedTotal,
                100 * totalRelativeError))
        lines.append(
            String(
                format: "per customer: MAE %.3f, RMSE %.3f; mean bucket error %.3f", meanAbsoluteError,
                rootMeanSquareError, meanBucketError))
        return lines.joined(separator: "\n") + "\n"
    }
}
