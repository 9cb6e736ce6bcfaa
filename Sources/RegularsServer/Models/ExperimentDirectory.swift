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
    let metrics: ServerMetrics?
    /// The experiments read, when, and a generation that `invalidate` advances: a read that started before an
    /// invalidation does not overwrite it with what it read (the experiment just created would stay unseen).
    private let running = Locked<(experiments: [ExperimentRecord], readAt: ContinuousClock.Instant?, generation: Int)>(
        ([], nil, 0))
    /// Units whose exposure this process has stored already: the store keeps the first anyway; this saves a write
    /// per request.
    private let exposed = Locked<Set<String>>([])

    init(store: any Store, checkInterval: Duration = .seconds(5), metrics: ServerMetrics? = nil) {
        self.store = store
        self.metrics = metrics
        self.checkInterval = checkInterval
    }

    /// Forgets the experiments read, so the next request rereads them (after a create or stop).
    func invalidate() {
        running.withLock {
            $0.readAt = nil
            $0.generation += 1
        }
    }

    /// The running experiment of `placement`, if any (the oldest, should there be several); the permanent holdout
    /// is the one of `ExperimentRecord.everyPlacement`.
    func experiment(for placement: String) -> ExperimentRecord? {
        let now = ContinuousClock.now
        let (current, generation) = running.withLock { state -> ([ExperimentRecord]?, Int) in
            if let readAt = state.readAt, readAt.duration(to: now) < checkInterval {
                return (state.experiments, state.generation)
            }
            return (nil, state.generation)
        }
        let experiments: [ExperimentRecord]
        if let current {
            experiments = current
        } else {
            experiments = ((try? store.experiments()) ?? []).filter(\.isRunning)
            running.withLock { state in
                if state.generation == generation { state = (experiments, now, generation) }
            }
        }
        return experiments.first { $0.placement == placement }
    }

    /// The arm of the visitor (`customer`, or `session` for session experiments) in `placement`'s experiment, its
    /// first exposure stored at `time`; `nil` when none runs, the visitor has no unit id, or is in its holdout.
    func assign(placement: String, customer: CustomerID?, session: String?, at time: Date) -> Assignment? {
        guard let experiment = experiment(for: placement) else { return nil }
        guard let unit = experiment.unit == .customer ? customer : session ?? customer else { return nil }
        guard let arm = experiment.arm(for: unit) else { return nil }
        expose(unit, to: experiment.name, arm: arm.name, at: time)
        return Assignment(experiment: experiment.name, arm: arm.name, recipe: arm.recipe)
    }

    /// Whether `customer` is in the shop's permanent holdout (no personal recommendations anywhere); their
    /// exposure to it, held out or not, is stored the first time, so its results compare the two groups.
    func isHeldOut(_ customer: CustomerID?, at time: Date) -> Bool {
        guard let customer, let holdout = experiment(for: ExperimentRecord.everyPlacement) else { return false }
        let heldOut = holdout.holdsOut(customer)
        expose(customer, to: holdout.name, arm: heldOut ? ExperimentRecord.heldOutArm : "personalized", at: time)
        return heldOut
    }

    private func expose(_ unit: String, to experiment: String, arm: String, at time: Date) {
        let key = experiment + "\u{0}" + unit
        guard exposed.withLock({ $0.insert(key).inserted }) else { return }
        let exposure = ExperimentExposure(
            experiment: experiment, unit: unit, arm: arm, firstAt: Int64(time.timeIntervalSince1970))
        if (try? store.record(exposures: [exposure])) == nil {
            exposed.withLock { _ = $0.remove(key) }
        } else {
            metrics?.exposed(experiment: experiment, arm: arm)
        }
    }
}
