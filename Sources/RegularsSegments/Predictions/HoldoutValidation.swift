import Foundation
import RegularsData

/// Fits BG/NBD on a calibration period and compares its predictions with what customers actually did
/// in the hold-out period after it — Fader, Hardie & Lee (2005), Figure 4 and the totals beside it.
///
/// The cohort is every customer who bought in the calibration period. Each one's predicted hold-out
/// purchases are E[Y(t*) | x, t_x, T] with t* the hold-out length; actual ones are purchase days in the
/// hold-out. Customers are grouped by calibration frequency x = 0, 1, …, 6, 7+.
public struct HoldoutValidation: Sendable, Codable {
    public struct Bucket: Sendable, Hashable, Codable {
        /// "0" … "6", "7+".
        public var frequency: String
        public var customers: Int
        public var actual: Double
        public var predicted: Double
        public var actualMean = 0.0
        public var predictedMean = 0.0

        enum CodingKeys: String, CodingKey {
            case frequency, customers, actual, predicted
            case actualMean = "actual_mean"
            case predictedMean = "predicted_mean"
        }
    }

    /// The last calibration day and the last hold-out day (midnight UTC).
    public let calibrationEnd: Date
    public let holdoutEnd: Date
    /// t*, in the model's unit.
    public let holdoutLength: Double
    public let purchases: BGNBDModel
    public let buckets: [Bucket]
    public let actualTotal: Double
    public let predictedTotal: Double
    /// Per customer: mean absolute and root-mean-square error of predicted vs actual hold-out purchases.
    public let meanAbsoluteError: Double
    public let rootMeanSquareError: Double

    /// (predicted − actual) / actual over the cohort.
    public let totalRelativeError: Double
    /// Mean over the non-empty buckets of |predicted mean − actual mean|.
    public let meanBucketError: Double

    enum CodingKeys: String, CodingKey {
        case purchases, buckets
        case calibrationEnd = "calibration_end"
        case holdoutEnd = "holdout_end"
        case holdoutLength = "holdout_length"
        case actualTotal = "actual_total"
        case predictedTotal = "predicted_total"
        case meanAbsoluteError = "mean_absolute_error"
        case rootMeanSquareError = "root_mean_square_error"
        case totalRelativeError = "total_relative_error"
        case meanBucketError = "mean_bucket_error"
    }

    /// Validates on a snapshot: calibration through `calibrationEnd` (a day, included), hold-out from the
    /// day after through the snapshot's last day.
    public static func validate(
        snapshot: Snapshot, calibrationEnd: Date, unit: TimeUnit = .days, requirements: DataRequirements = .init()
    ) -> ModelFit<HoldoutValidation> {
        validate(
            PurchaseDays(snapshot: snapshot), calibrationEnd: DayNumber.day(of: calibrationEnd),
            holdoutEnd: DayNumber.lastIncludedDay(asOf: snapshot.asOf), unit: unit, requirements: requirements)
    }

    /// Validates on plain transactions: calibration through `calibrationEnd`, hold-out through
    /// `holdoutEnd` (both days, included), as for CDNOW's 1997-09-30 and 1998-06-30.
    public static func validate(
        transactions: [CustomerTransaction], calibrationEnd: Date, holdoutEnd: Date, unit: TimeUnit = .weeks,
        requirements: DataRequirements = .init()
    ) -> ModelFit<HoldoutValidation> {
        validate(
            PurchaseDays(transactions: transactions), calibrationEnd: DayNumber.day(of: calibrationEnd),
            holdoutEnd: DayNumber.day(of: holdoutEnd), unit: unit, requirements: requirements)
    }

    static func validate(
        _ history: PurchaseDays, calibrationEnd: Int32, holdoutEnd: Int32, unit: TimeUnit,
        requirements: DataRequirements
    ) -> ModelFit<HoldoutValidation> {
        let cohort = (0..<history.customerCount).compactMap { customer in
            history.summary(of: customer, through: calibrationEnd, unit: unit).map { (customer, $0) }
        }
        let summaries = CustomerSummaries(
            unit: unit, ids: cohort.map { history.ids[$0.0] }, rows: cohort.map(\.1))
        return BGNBDModel.train(on: summaries, settings: .init(requirements: requirements)).map { model in
            let length = unit.fromDays(Double(holdoutEnd - calibrationEnd))
            var buckets = (0...7).map {
                Bucket(frequency: $0 == 7 ? "7+" : String($0), customers: 0, actual: 0, predicted: 0)
            }
            var absolute = 0.0
            var squared = 0.0
            for (customer, summary) in cohort {
                let actual = Double(history.purchaseDays(of: customer, after: calibrationEnd, through: holdoutEnd))
                let predicted = model.expectedPurchases(summary, within: length)
                let k = min(summary.frequency, 7)
                buckets[k].customers += 1
                buckets[k].actual += actual
                buckets[k].predicted += predicted
                absolute += abs(predicted - actual)
                squared += (predicted - actual) * (predicted - actual)
            }
            for k in buckets.indices where buckets[k].customers > 0 {
                buckets[k].actualMean = buckets[k].actual / Double(buckets[k].customers)
                buckets[k].predictedMean = buckets[k].predicted / Double(buckets[k].customers)
            }
            let filled = buckets.filter { $0.customers > 0 }
            let bucketError =
                filled.reduce(0) { $0 + abs($1.predictedMean - $1.actualMean) } / Double(max(filled.count, 1))
            let actualTotal = buckets.reduce(0) { $0 + $1.actual }
            let predictedTotal = buckets.reduce(0) { $0 + $1.predicted }
            let n = Double(max(cohort.count, 1))
            return HoldoutValidation(
                calibrationEnd: DayNumber.date(ofDay: calibrationEnd), holdoutEnd: DayNumber.date(ofDay: holdoutEnd),
                holdoutLength: length, purchases: model, buckets: buckets,
                actualTotal: actualTotal, predictedTotal: predictedTotal,
                meanAbsoluteError: absolute / n, rootMeanSquareError: (squared / n).squareRoot(),
                totalRelativeError: actualTotal > 0 ? (predictedTotal - actualTotal) / actualTotal : .infinity,
                meanBucketError: bucketError)
        }
    }
}
