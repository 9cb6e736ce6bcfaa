import Foundation
import RegularsData

/// Every trained model of one shop at one moment, with the snapshot they were trained on: what
/// `regulars train` saves and what the recommender, the API and campaigns load.
///
/// The snapshot travels with the models because the models speak dense indexes; it is saved without
/// e-mails or names (`Snapshot.withoutPersonalDetails`). A customer erased later is scrubbed by
/// retraining (`regulars forget` does it), never by editing the file.
public struct ModelSet: Sendable {
    public struct Settings: Sendable, Codable, Equatable {
        public var popular = PopularModel.Settings()
        public var replenishment = ReplenishmentModel.Settings()
        public var complements = ComplementsModel.Settings()
        public var nextStep = NextStepModel.Settings()
        public var similar = SimilarItemsModel.Settings()
        public var collaborative = CollaborativeRecommender.Settings()
        public init() {}
    }

    /// When the models were trained, as the clock said (not the data's `asOf`).
    public var trainedAt: Date
    public var asOf: Date { snapshot.asOf }
    public var settings: Settings
    public var snapshot: Snapshot
    public var popular: PopularModel
    public var replenishment: ReplenishmentModel
    public var complements: ComplementsModel
    public var nextStep: NextStepModel
    public var similar: SimilarItemsModel
    /// The learned ranker over the candidate models: the `personal` source of every placement that knows the
    /// customer, and what `regulars evaluate` measures through the placements.
    public var collaborative: CollaborativeRecommender
    /// Seconds each model took to train, by name, for reports and the dashboard.
    public var trainingSeconds: [String: Double]

    /// Trains every model on `snapshot` as of its `asOf`. Pure but for the clock readings of the timings.
    ///
    /// The ranker is the critical path: its windows' models, then their rows, then its trees, which leave a core
    /// idle part of the time. The explainable models, single-threaded and needed only at the end, train beside it
    /// at the lowest priority, in the time it leaves over, instead of slowing its first steps (on online-retail
    /// at the protocol's cutoff, a median of 2.35 s against 2.5 s over eight runs of each, alternated).
    ///
    /// The ranker's seconds are the wall clock's; an explainable model's are its thread's processor time, what it
    /// would take alone, since it waits for the ranker's threads while they run.
    public static func train(on snapshot: Snapshot, settings: Settings = .init(), trainedAt: Date) -> ModelSet {
        let asOf = snapshot.asOf
        func timed<T>(
            _ name: String, into seconds: inout [String: Double], by clock: () -> Double = ThreadClock.wallSeconds,
            _ body: () -> T
        ) -> T {
            let start = clock()
            let result = body()
            seconds[name] = clock() - start
            return result
        }
        func timedOnThread<T>(_ name: String, into seconds: inout [String: Double], _ body: () -> T) -> T {
            timed(name, into: &seconds, by: ThreadClock.seconds, body)
        }
        let ((collaborative, rankerSeconds), (explainable, seconds)) = Parallel.both(
            {
                var seconds: [String: Double] = [:]
                let ranker = timed("ranker", into: &seconds) {
                    CollaborativeRecommender.train(on: snapshot, asOf: asOf, settings: settings.collaborative)
                }
                return (ranker, seconds)
            },
            whileIdle: true,
            {
                var seconds: [String: Double] = [:]
                let popular = timedOnThread("popular", into: &seconds) {
                    PopularModel.train(on: snapshot, asOf: asOf, settings: settings.popular)
                }
                let replenishment = timedOnThread("replenishment", into: &seconds) {
                    ReplenishmentModel.train(on: snapshot, asOf: asOf, settings: settings.replenishment)
                }
                let complements = timedOnThread("complements", into: &seconds) {
                    ComplementsModel.train(on: snapshot, asOf: asOf, settings: settings.complements)
                }
                let nextStep = timedOnThread("next_step", into: &seconds) {
                    NextStepModel.train(on: snapshot, asOf: asOf, settings: settings.nextStep)
                }
                let similar = timedOnThread("similar", into: &seconds) {
                    SimilarItemsModel.train(on: snapshot, asOf: asOf, settings: settings.similar)
                }
                return ((popular, replenishment, complements, nextStep, similar), seconds)
            })
        let (popular, replenishment, complements, nextStep, similar) = explainable
        let trainingSeconds = seconds.merging(rankerSeconds) { a, _ in a }
        return ModelSet(
            trainedAt: trainedAt, settings: settings, snapshot: snapshot.withoutPersonalDetails(), popular: popular,
            replenishment: replenishment, complements: complements, nextStep: nextStep, similar: similar,
            collaborative: collaborative, trainingSeconds: trainingSeconds)
    }
}
