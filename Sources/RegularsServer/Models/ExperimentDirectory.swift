import Foundation
import RegularsData
import RegularsMeasure

/// The running experiments, looked up per recommendation request: which arm a visitor is in, recorded the first
/// time they are served it (their exposure), so every impression, click and later order is tied to the arm.
///
/// Experiments are reread from the store at most every `checkInterval` (one made with `regulars experiment
/// create` reaches a running server within seconds), and at once after a change through the API. Assignment is a
/// hash of the experiment's name and the unit (`ExperimentAssignment`): the same on every server, after a restart
/// and after a retrain.
public final class ExperimentDirectory: Sendable {
    /// A visitor's arm in one experiment.
    public struct Assignment: Sendable, Hashable {
        public var experiment: String
        public var arm: String
        public var recipe: String
    }

    let store: any Store
    let checkInterval: Duration
    private let running = Locked<(experiments: [ExperimentRecord], readAt: ContinuousClock.Instant?)>(([], nil))
    /// Units whose exposure this process has stored already: the store keeps the first anyway; this saves a write
    /// per request.
    private let exposed = Locked<Set<String>>([])

    init(store: any Store, checkInterval: Duration = .seconds(5)) {
        self.store = store
        self.checkInterval = checkInterval
    }

    /// Forgets the experiments read, so the next request rereads them (after a create or stop).
    func invalidate() { running.withLock { $0.readAt = nil } }

    /// The running experiment of `placement`, if any (the oldest, should there be several).
    func experiment(for placement: String) -> ExperimentRecord? {
        let now = ContinuousClock.now
        let current = running.withLock { state -> [ExperimentRecord]? in
            if let readAt = state.readAt, readAt.duration(to: now) < checkInterval { return state.experiments }
            return nil
        }
        let experiments: [ExperimentRecord]
        if let current {
            experiments = current
        } else {
            experiments = ((try? store.experiments()) ?? []).filter(\.isRunning)
            running.withLock { $0 = (experiments, now) }
        }
        return experiments.first { $0.placement == placement }
    }

    /// The arm of the visitor (`customer`, or `session` for session experiments) in `placement`'s experiment, its
    /// first exposure stored at `time`; `nil` when none runs, the visitor has no unit id, or is in its holdout.
    func assign(placement: String, customer: CustomerID?, session: String?, at time: Date) -> Assignment? {
        guard let experiment = experiment(for: placement) else { return nil }
        guard let unit = experiment.unit == .customer ? customer : session ?? customer else { return nil }
        guard
            let name = ExperimentAssignment.arm(
                experiment: experiment.name, unit: unit, arms: experiment.arms.map { ($0.name, $0.weight) },
                holdoutPercent: experiment.holdoutPercent),
            let arm = experiment.arms.first(where: { $0.name == name })
        else { return nil }
        let key = experiment.name + "\u{0}" + unit
        if exposed.withLock({ $0.insert(key).inserted }) {
            let exposure = ExperimentExposure(
                experiment: experiment.name, unit: unit, arm: name, firstAt: Int64(time.timeIntervalSince1970))
            if (try? store.record(exposures: [exposure])) == nil { exposed.withLock { _ = $0.remove(key) } }
        }
        return Assignment(experiment: experiment.name, arm: name, recipe: arm.recipe)
    }
}
