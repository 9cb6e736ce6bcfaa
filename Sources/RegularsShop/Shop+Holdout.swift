import Foundation
import RegularsData
import RegularsMeasure

extension Shop {
    /// The running permanent holdout, if the shop turned it on.
    public func permanentHoldout() throws -> ExperimentRecord? {
        try store.experiments().last { $0.isPermanentHoldout && $0.isRunning }
    }

    /// Turns the shop-wide permanent holdout on: `percent` of customers (5–10 % is usual) get no personal
    /// recommendations in any placement or e-mail, so that `experiment results NAME` measures what
    /// personalization as a whole earns. Who is held out depends only on the customer (`ExperimentAssignment
    /// .isInPermanentHoldout`), so raising the percentage adds customers and never swaps them. With 0, stops it.
    /// Each period on is its own experiment, named `personalization-YYYY-MM-DD` after its first day.
    public func setPermanentHoldout(percent: Double) throws -> ExperimentRecord? {
        guard (0...50).contains(percent) else {
            throw ExperimentSpecError(field: "percent", message: "expected 0 (off) to 50")
        }
        let now = Int64(clock().timeIntervalSince1970)
        if let running = try permanentHoldout() {
            if abs(running.heldOutPercent - percent) < 1e-9 { return running }
            try store.stopExperiment(named: running.name, at: now)
        }
        guard percent > 0 else { return nil }
        var name = "personalization-\(Timestamp.isoDay(now))"
        let taken = Set(try store.experiments().map(\.name))
        var suffix = 2
        while taken.contains(name) {
            name = "personalization-\(Timestamp.isoDay(now))-\(suffix)"
            suffix += 1
        }
        let record = ExperimentRecord(
            name: name, placement: ExperimentRecord.everyPlacement,
            arms: [
                .init(name: "personalized", recipe: "default", weight: 100 - percent),
                .init(name: ExperimentRecord.heldOutArm, recipe: "default", weight: percent),
            ],
            startedAt: now)
        try store.create(experiment: record)
        return record
    }

    /// Whether `customer` is in `holdout` (the running permanent holdout).
    public static func isHeldOut(_ customer: CustomerID, by holdout: ExperimentRecord?) -> Bool {
        holdout?.holdsOut(customer) ?? false
    }
}
